"""Admin: "Demandes d'adhésion", each coordinator seeing the confirmed requests of their zones
(administrators all), inspected and decided (approve, or refuse with an optional reason) once."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from passerelles.personal_data_admin import PersonalDataViewSetMixin, personal_data_policy, policy_of
from passerelles.roles import ADMINISTRATORS

from ..forms import reject_html
from ..models import JoinRequest, JoinStatus, ZoneCoordinator
from . import decisions

REASON_MAX_LENGTH = 2000


def decides_everywhere(user):
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()


def zone_requests(user, requests):
    """Administrators see every request; a coordinator the confirmed ones of their zones."""
    if decides_everywhere(user):
        return requests
    zones = ZoneCoordinator.objects.filter(user=user).values("zone")
    return requests.filter(zone__in=zones).exclude(status=JoinStatus.UNCONFIRMED)


policy = personal_data_policy(JoinRequest, zone_requests)


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motif du refus (facultatif, envoyé à la personne)"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        validators=[reject_html],
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": gettext_lazy("Le motif doit faire 2 000 caractères au plus.")},
    )


class DecideView(View):
    """POST approve or refuse; the answer is a message on the request's inspect page."""

    http_method_names = ["get", "post"]

    def get_join_request(self, pk):
        join_request = get_object_or_404(policy.visible_to(self.request.user), pk=pk)
        if not policy.user_has_permission_for_instance(self.request.user, "change", join_request):
            raise Http404
        return join_request

    def get(self, request, pk):
        return redirect("wagtailsnippets_network_joinrequest:inspect", pk)

    def post(self, request, pk):
        join_request = self.get_join_request(pk)
        back = redirect("wagtailsnippets_network_joinrequest:inspect", join_request.pk)
        action = request.POST.get("action")
        try:
            if action == "approve":
                decisions.approve(join_request, request.user, request)
                messages.success(
                    request,
                    _("Demande acceptée : %(name)s est membre et a reçu un e-mail.")
                    % {"name": f"{join_request.first_name} {join_request.last_name}"},
                )
            elif action == "refuse":
                form = RefusalForm(request.POST)
                if not form.is_valid():
                    messages.error(request, " ".join(form.errors["reason"]))
                    return back
                decisions.refuse(join_request, request.user, form.cleaned_data["reason"].strip())
                messages.success(request, _("Demande refusée : la personne a reçu un e-mail."))
            else:
                messages.error(request, _("Choisissez d’accepter ou de refuser la demande."))
        except decisions.AlreadyDecided:
            messages.error(request, _("Cette demande n’attend pas de décision : rien n’a changé."))
        return back


class JoinRequestViewSet(PersonalDataViewSetMixin, SnippetViewSet):
    model = JoinRequest
    icon = "user"
    menu_label = gettext_lazy("Demandes d’adhésion")
    list_display = ["__str__", "zone", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["first_name", "last_name", "structure_name", "job_title"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_template_name = "network/admin/join_request_inspect.html"
    inspect_view_fields = [
        "status",
        "organisation",
        "structure_name",
        "structure_type",
        "enterprise_number",
        "street_address",
        "postcode",
        "municipality",
        "zone",
        "first_name",
        "last_name",
        "email",
        "job_title",
        "message",
        "created_at",
        "confirmed_at",
        "decided_at",
        "decided_by",
        "refusal_reason",
        "user",
    ]
    # Nothing is edited by hand: a request is decided with the approve / refuse buttons.
    panels = [FieldPanel(name, read_only=True) for name in ["status", "first_name", "last_name", "job_title"]]

    def get_base_queryset(self, request):
        return JoinRequest.objects.select_related("organisation", "zone")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("decider/<int:pk>/", DecideView.as_view(), name="decide")]


def visible_pending(user):
    """The confirmed requests waiting for this user's decision (the dashboard panel)."""
    return policy_of(JoinRequest).visible_to(user, JoinRequest.objects.filter(status=JoinStatus.PENDING))
