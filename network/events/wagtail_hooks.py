"""Admin: registrations as a snippet (with export), the per-event CSV, calendar groups."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.signals import page_published
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from passerelles.personal_data_admin import PersonalDataViewSetMixin, personal_data_policy

from .admin_views import registrations_csv
from .lifecycle import on_publish
from .models import CalendarPage, EventPage, Registration
from .permissions import ensure_coordinators_group


def registrations_of_editable_events(user, registrations):
    """A calendar's coordinators see the registrations of the events they may edit, no others."""
    if user.is_superuser:
        return registrations
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return registrations.filter(event__in=editable.type(EventPage).values("pk"))


personal_data_policy(Registration, registrations_of_editable_events)


class RegistrationViewSet(PersonalDataViewSetMixin, SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Inscriptions")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "organisation", "event", "occurrence_start", "status", "created_at"]
    list_filter = ["status"]
    list_export = ["event", "occurrence_start", "name", "organisation", "email", "status", "created_at"]
    export_filename = "inscriptions"
    search_fields = ["name", "organisation", "email"]

    def get_base_queryset(self, request):
        return Registration.objects.select_related("event")


register_snippet(RegistrationViewSet)

# Registrants hear of a new date, place or a cancellation when the event is published.
page_published.connect(on_publish, sender=EventPage, dispatch_uid="events-lifecycle-on-publish", weak=False)


@hooks.register("register_admin_urls")
def registrations_csv_url():
    return [path("evenements/<int:pk>/inscriptions.csv", registrations_csv, name="events_registrations_csv")]


@hooks.register("register_page_header_buttons")
def registrations_csv_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Inscrits (CSV)"),
            reverse("events_registrations_csv", args=[page.pk]),
            icon_name="download",
            priority=80,
        )


@hooks.register("after_create_page")
def calendar_coordinators_group(request, page):
    if isinstance(page.specific_deferred, CalendarPage):
        ensure_coordinators_group(page.specific)
