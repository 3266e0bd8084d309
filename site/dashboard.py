"""The dashboard: what waits for each user, as panels on the Wagtail admin home page.

Every panel lives here. Each is shown only to those who can act on it and costs a fixed number
of queries:
- the member's structure: its page, fiches, offers and compagnons to edit,
- the member's structure's use over the last 30 days (views, PDFs, meetup requests, registrations),
- pending meetup requests (coordinators, administrators),
- join requests waiting for a decision (the zone's coordinators, administrators),
- upcoming events with their registrations (the calendars the user may edit),
- white-paper contributions awaiting moderation,
- fiches and practices not reviewed for 12 months (reviewers: coordinators and moderators).
Pages awaiting a moderator's approval are Wagtail's own panel ("Awaiting your review").
"""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from knowledge import freshness
from knowledge.livreblanc.models.consultation import Contribution
from knowledge.models import KnowledgeItemPage
from knowledge.models.pages import FRESHNESS_DAYS
from network.events.models import EventPage
from network.events.models.registration import RegistrationStatus
from network.joining.admin import visible_pending
from network.models import MeetupRequest, MeetupStatus, OrganisationPage
from network.offers.models import OfferPage
from network.ownership import organisation_ids_of
from usage.stats import page_usage, structures_pages, totals

from .roles import COORDINATORS, MODERATORS

SHOWN = 8
UPCOMING_DAYS = 30


class DashboardPanel(Component):
    template_name = None
    heading = ""

    def __init__(self, user):
        self.user = user

    @classmethod
    def is_for(cls, user):
        """Whether `user` can act on what the panel lists; each panel narrows it."""
        return user.is_superuser

    def items(self):
        return []

    def get_context_data(self, parent_context=None):
        return {"panel": self, "items": list(self.items()[:SHOWN])}


class MyStructurePanel(DashboardPanel):
    """A member's structure: what they come to the admin for, shown first."""

    name = "my_structure"
    order = 50
    template_name = "passerelles/dashboard/my_structure.html"
    shown = 20

    @classmethod
    def is_for(cls, user):
        return bool(organisation_ids_of(user))

    def get_context_data(self, parent_context=None):
        own = organisation_ids_of(self.user)
        items = (
            Page.objects.filter(pk__in=KnowledgeItemPage.objects.filter(organisation_id__in=own).values("pk"))
            | Page.objects.filter(pk__in=OfferPage.objects.filter(organisation_id__in=own).values("pk"))
        ).order_by("-latest_revision_created_at", "title")
        return {
            "structures": OrganisationPage.objects.filter(pk__in=own).order_by("title"),
            "items": items.select_related("content_type")[: self.shown],
            "people_url": reverse("wagtailsnippets_network_person:list"),
        }


class MyStaleFichesPanel(DashboardPanel):
    """A member's fiches past their review date, each with its "toujours à jour" link."""

    name = "my_stale_fiches"
    order = 55
    template_name = "passerelles/dashboard/my_stale_fiches.html"

    @classmethod
    def is_for(cls, user):
        own = organisation_ids_of(user)
        return bool(own) and freshness.stale_pages().filter(organisation_id__in=own).exists()

    def items(self):
        own = organisation_ids_of(self.user)
        return freshness.stale_pages().filter(organisation_id__in=own).order_by("last_reviewed", "title")

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        for item in context["items"]:
            item.still_current_url = freshness.still_current_url(item, self.user)
        context["total"] = self.items().count()
        return context


class MyStructureUsagePanel(DashboardPanel):
    """A member's structure over the last 30 days: counts and its most used pages."""

    name = "my_structure_usage"
    order = 60
    template_name = "passerelles/dashboard/my_structure_usage.html"
    days = 30
    shown = 5

    @classmethod
    def is_for(cls, user):
        return bool(organisation_ids_of(user))

    def get_context_data(self, parent_context=None):
        end = timezone.localdate() + datetime.timedelta(days=1)
        start = end - datetime.timedelta(days=self.days)
        usage = page_usage(start, end, structures_pages(organisation_ids_of(self.user)))
        return {
            "totals": totals(usage),
            "top": usage[: self.shown],
            "days": self.days,
            "report_url": reverse("usage_report"),
        }


class PendingMeetupRequestsPanel(DashboardPanel):
    name = "pending_meetups"
    order = 110
    template_name = "passerelles/dashboard/pending_meetups.html"

    @classmethod
    def is_for(cls, user):
        return user.has_perm("network.change_meetuprequest")

    def items(self):
        return MeetupRequest.objects.filter(status=MeetupStatus.NEW).order_by("created_at")

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        for request in context["items"]:
            request.age_days = (today - timezone.localtime(request.created_at).date()).days
        context["total"] = self.items().count()
        context["list_url"] = reverse("wagtailsnippets_network_meetuprequest:list") + "?status=new"
        return context


class PendingJoinRequestsPanel(DashboardPanel):
    name = "pending_join_requests"
    order = 105
    template_name = "passerelles/dashboard/pending_join_requests.html"

    @classmethod
    def is_for(cls, user):
        return user.has_perm("network.change_joinrequest") and visible_pending(user).exists()

    def items(self):
        return visible_pending(self.user).select_related("organisation", "zone").order_by("confirmed_at")

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["total"] = self.items().count()
        context["list_url"] = reverse("wagtailsnippets_network_joinrequest:list") + "?status=en_attente"
        return context


class UpcomingEventsPanel(DashboardPanel):
    name = "upcoming_events"
    order = 120
    template_name = "passerelles/dashboard/upcoming_events.html"

    @classmethod
    def is_for(cls, user):
        return cls.editable_events(user).exists()

    @staticmethod
    def editable_events(user):
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        # Registrations are recorded on the French original: its translations are not listed.
        events = EventPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        return events.filter(pk__in=editable.type(EventPage).values("pk"))

    def items(self):
        now = timezone.now()
        return (
            self.editable_events(self.user)
            .filter(start__gte=now, start__lte=now + datetime.timedelta(days=UPCOMING_DAYS))
            .annotate(
                confirmed=Count(
                    "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
                ),
                waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
            )
            .order_by("start")
        )


class ContributionsToModeratePanel(DashboardPanel):
    name = "contributions_to_moderate"
    order = 130
    template_name = "passerelles/dashboard/contributions.html"

    @classmethod
    def is_for(cls, user):
        return user.has_perm("livreblanc.change_contribution")

    def items(self):
        return (
            Contribution.objects.filter(status=Contribution.Status.PENDING)
            .select_related("recommendation")
            .order_by("created_at")
        )

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["total"] = self.items().count()
        context["list_url"] = reverse("wagtailsnippets_livreblanc_contribution:list")
        return context


class StaleFichesPanel(DashboardPanel):
    name = "stale_fiches"
    order = 140
    template_name = "passerelles/dashboard/stale_fiches.html"

    @classmethod
    def is_for(cls, user):
        return user.is_superuser or user.groups.filter(name__in=[COORDINATORS, MODERATORS]).exists()

    def items(self):
        limit = timezone.localdate() - datetime.timedelta(days=FRESHNESS_DAYS)
        # The French originals: a review is done there, and reaches the translations when they sync.
        return (
            KnowledgeItemPage.objects.live()
            .filter(last_reviewed__lt=limit, locale=Locale.get_default())
            .order_by("last_reviewed", "title")
        )

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["total"] = self.items().count()
        # A coordinator edits only their structures' fiches (network.ownership): the others open
        # on the site, to be read and flagged to their structure, never on a permission error.
        for item in context["items"]:
            item.editable = item.permissions_for_user(self.user).can_edit()
        return context


PANELS = [
    MyStructurePanel,
    MyStaleFichesPanel,
    MyStructureUsagePanel,
    PendingJoinRequestsPanel,
    PendingMeetupRequestsPanel,
    UpcomingEventsPanel,
    ContributionsToModeratePanel,
    StaleFichesPanel,
]


def add_dashboard_panels(request, panels):
    for panel_class in PANELS:
        if panel_class.is_for(request.user):
            panels.append(panel_class(request.user))
