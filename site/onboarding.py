"""Onboarding: a coordinator or administrator invites a person by e-mail.

The invitation creates an account without a usable password, in the chosen role, and sends a
link to Wagtail's own "choose a new password" page (`passerelles.accounts`, shared with the join
requests of `network.joining`). Nothing is created when the form is invalid.

Administrators (who may add users) invite to every role; coordinators invite members only, to a
structure of a zone they coordinate (`network.models.ZoneCoordinator`).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied

from network.models import OrganisationMembership, OrganisationPage, ZoneCoordinator

from .accounts import account_exists, create_account, password_link
from .roles import COORDINATORS, MEMBERS, ROLE_NAMES

INVITE_PERMISSION = "auth.add_user"


def invites_every_role(user):
    return user.is_active and user.has_perm(INVITE_PERMISSION)


def can_invite(user):
    """Administrators invite anyone; coordinators invite members."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return invites_every_role(user) or user.groups.filter(name=COORDINATORS).exists()


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Adresse e-mail"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Indiquez l’adresse e-mail de la personne à inviter."),
            "invalid": gettext_lazy("Cette adresse e-mail n’est pas valide."),
        },
    )
    first_name = forms.CharField(label=gettext_lazy("Prénom"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Nom"), max_length=150)
    role = forms.ModelChoiceField(
        label=gettext_lazy("Rôle"),
        queryset=Group.objects.filter(name__in=ROLE_NAMES).order_by("name"),
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("Choisissez un rôle de la liste.")},
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Structure"),
        queryset=None,
        required=False,
        help_text=gettext_lazy(
            "Obligatoire pour un membre : il ne pourra modifier que les contenus de cette structure."
        ),
        error_messages={"invalid_choice": gettext_lazy("Choisissez une structure de l’annuaire.")},
    )

    def __init__(self, *args, inviter=None, **kwargs):
        super().__init__(*args, **kwargs)
        structures = OrganisationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        if inviter is not None and not invites_every_role(inviter):
            # A coordinator: members only, of the structures of the zones they coordinate.
            self.fields["role"].queryset = Group.objects.filter(name=MEMBERS)
            self.fields["role"].error_messages["invalid_choice"] = _(
                "Une coordinatrice ou un coordinateur invite des membres uniquement."
            )
            structures = structures.filter(
                zone__in=ZoneCoordinator.objects.filter(user=inviter).values("zone")
            )
        self.fields["organisation"].queryset = structures.order_by("title")

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role is not None and role.name == MEMBERS and not cleaned.get("organisation"):
            self.add_error("organisation", _("Un membre appartient à une structure : choisissez-la."))
        return cleaned

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if account_exists(email):
            raise forms.ValidationError(_("Un compte existe déjà pour cette adresse."))
        return email

    @transaction.atomic
    def create_user(self):
        data = self.cleaned_data
        user = create_account(data["email"], data["first_name"], data["last_name"], data["role"])
        if data.get("organisation"):
            OrganisationMembership.objects.create(user=user, organisation=data["organisation"])
        return user


def send_invitation(request, user, invited_by):
    context = {"user": user, "link": password_link(user, request), "invited_by": invited_by}
    send_mail(
        _("Votre accès à Passerelles"),
        render_to_string("passerelles/emails/invitation.txt", context),
        None,
        [user.email],
    )


class InviteView(FormView):
    form_class = InvitationForm
    template_name = "passerelles/admin/invite.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_invite(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "inviter": self.request.user}

    def form_valid(self, form):
        user = form.create_user()
        # The outbox keeps the invitation if the mail server is down and sends it once it is back.
        send_invitation(self.request, user, self.request.user)
        messages.success(self.request, _("Invitation envoyée à %(email)s.") % {"email": user.email})
        return redirect("passerelles_invite")
