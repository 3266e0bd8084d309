"""Admin: structures' people, meetup formats and the meetup requests coordinators follow."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MeetupRequest, OrganisationMembership, Person
from .ownership import is_restricted_to_own_organisation, organisation_ids_of, user_owns
from .panels import StatusHistoryPanel


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Compagnons")
    list_display = ["name", "role", "organisation", "consent_given", "consent_date"]
    list_filter = ["consent_given", "organisation__zone"]
    search_fields = ["name", "role", "expertise"]
    search_backend_name = None  # a plain database match, which respects the ownership filter below
    ordering = ["name"]

    def get_queryset(self, request):
        """Members list (and search) their own structures' compagnons only."""
        people = Person.objects.select_related("organisation")
        if is_restricted_to_own_organisation(request.user):
            return people.filter(organisation_id__in=organisation_ids_of(request.user))
        return people


class MeetupRequestViewSet(SnippetViewSet):
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


class NetworkGroup(SnippetViewSetGroup):
    menu_label = _("Réseau")
    menu_icon = "group"
    menu_order = 240
    items = [PersonViewSet, MeetupRequestViewSet, MembershipViewSet]


register_snippet(NetworkGroup)


@hooks.register("after_edit_snippet")
def name_who_changed_the_status(request, instance):
    """The status row written by MeetupRequest.save says "administration": name the user."""
    if isinstance(instance, MeetupRequest):
        latest = instance.status_changes.order_by("-changed_at", "-pk").first()
        if latest and latest.changed_by == str(_("administration")):
            latest.changed_by = request.user.get_full_name() or request.user.get_username()
            latest.save(update_fields=["changed_by"])


def refuse_other_structures(request, instances):
    owned = [instance for instance in instances if isinstance(instance, Person)]
    if is_restricted_to_own_organisation(request.user) and any(
        not user_owns(request.user, person.organisation_id) for person in owned
    ):
        return permission_denied(request)
    return None


@hooks.register("before_edit_snippet")
def refuse_editing_another_structures_person(request, instance):
    return refuse_other_structures(request, [instance])


@hooks.register("before_delete_snippet")
def refuse_deleting_another_structures_person(request, instances):
    return refuse_other_structures(request, instances)


@hooks.register("after_edit_snippet")
def withdraw_consent_at_once(request, instance):
    """Withdrawing consent cannot wait for a moderator: the public profile goes now."""
    if isinstance(instance, Person):
        draft = instance.get_latest_revision_as_object()
        live = Person.objects.get(pk=instance.pk)
        if live.consent_given and not draft.consent_given:
            live.consent_given = False
            live.save(update_fields=["consent_given"])
