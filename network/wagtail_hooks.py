"""Admin: structures' people, meetup formats and the meetup requests coordinators follow."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from passerelles.personal_data_admin import PersonalDataViewSetMixin, personal_data_policy

from .imports import admin as import_admin
from .joining.admin import JoinRequestViewSet
from .models import MeetupRequest, OrganisationMembership, Person, ZoneCoordinator
from .ownership import is_restricted_to_own_organisation, organisation_ids_of
from .panels import StatusHistoryPanel


def own_structures_people(user, people):
    """Members see (and open, copy, choose, export...) their own structures' compagnons only:
    another structure's people, consenting or not, stay out of every admin view."""
    if is_restricted_to_own_organisation(user):
        return people.filter(organisation_id__in=organisation_ids_of(user))
    return people


def all_requests(user, requests):
    """Meetup requests: whoever holds the model permission (coordinators) follows them all."""
    return requests


personal_data_policy(Person, own_structures_people)
personal_data_policy(MeetupRequest, all_requests)


class PersonViewSet(PersonalDataViewSetMixin, SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Compagnons")
    list_display = ["name", "role", "organisation", "consent_given", "consent_date"]
    list_filter = ["consent_given", "organisation__zone"]
    search_fields = ["name", "role", "expertise"]
    ordering = ["name"]

    def get_base_queryset(self, request):
        return Person.objects.select_related("organisation")


class MeetupRequestViewSet(PersonalDataViewSetMixin, SnippetViewSet):
    model = MeetupRequest
    icon = "mail"
    menu_label = _("Demandes de rencontre")
    list_display = ["__str__", "status", "format", "date_from", "created_at", "notification_failed"]
    list_filter = ["status", "notification_failed", "format"]
    search_fields = ["requester_name", "requester_organisation", "person_name", "message"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_template_name = "network/admin/meetup_request_inspect.html"
    inspect_view_fields = [
        "person_name",
        "requester_name",
        "requester_email",
        "requester_organisation",
        "format",
        "date_from",
        "date_to",
        "message",
        "status",
        "response_message",
        "notification_failed",
        "notified_at",
        "created_at",
        "expires_at",
        "answered_at",
        "source_page",
    ]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("person", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("requester_name", read_only=True),
                        FieldPanel("requester_organisation", read_only=True),
                    ]
                ),
                FieldPanel("requester_email", read_only=True),
                FieldRowPanel(
                    [FieldPanel("date_from", read_only=True), FieldPanel("date_to", read_only=True)]
                ),
                FieldPanel("format", read_only=True),
                FieldPanel("message", read_only=True),
            ],
            heading=_("La demande"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("response_message"), FieldPanel("notification_failed")],
            heading=_("Suivi"),
        ),
        StatusHistoryPanel(heading=_("Historique des statuts")),
    ]


class MembershipViewSet(SnippetViewSet):
    """Who belongs to which structure: administrators link accounts to structures here."""

    model = OrganisationMembership
    icon = "link"
    menu_label = _("Membres des structures")
    list_display = ["user", "organisation", "created_at"]
    search_fields = ["user__username", "user__email", "organisation__title"]
    panels = [FieldPanel("user"), FieldPanel("organisation")]


class ZoneCoordinatorViewSet(SnippetViewSet):
    """Who coordinates which zone: they decide its join requests and invite its members."""

    model = ZoneCoordinator
    icon = "site"
    menu_label = _("Coordinations de zone")
    list_display = ["user", "zone"]
    list_filter = ["zone"]
    search_fields = ["user__username", "user__email", "user__last_name"]
    panels = [FieldPanel("user"), FieldPanel("zone")]


class NetworkGroup(SnippetViewSetGroup):
    menu_label = _("Réseau")
    menu_icon = "group"
    menu_order = 240
    items = [
        PersonViewSet,
        MeetupRequestViewSet,
        JoinRequestViewSet,
        MembershipViewSet,
        ZoneCoordinatorViewSet,
    ]


register_snippet(NetworkGroup)


@hooks.register("after_edit_snippet")
def name_who_changed_the_status(request, instance):
    """The status row written by MeetupRequest.save says "administration": name the user."""
    if isinstance(instance, MeetupRequest):
        latest = instance.status_changes.order_by("-changed_at", "-pk").first()
        if latest and latest.changed_by == str(_("administration")):
            latest.changed_by = request.user.get_full_name() or request.user.get_username()
            latest.save(update_fields=["changed_by"])


@hooks.register("after_edit_snippet")
def withdraw_consent_at_once(request, instance):
    """Withdrawing consent cannot wait for a moderator: the public profile goes now."""
    if isinstance(instance, Person):
        draft = instance.get_latest_revision_as_object()
        live = Person.objects.get(pk=instance.pk)
        if live.consent_given and not draft.consent_given:
            live.consent_given = False
            live.save(update_fields=["consent_given"])


@hooks.register("register_admin_urls")
def register_import_urls():
    return import_admin.urls()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return import_admin.menu_item()
