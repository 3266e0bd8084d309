"""Onboarding: a coordinator or administrator invites a person by e-mail.

The invitation creates an account without a usable password, in the chosen role, and sends a
link to Wagtail's own "choose a new password" page (Django's password-reset token: single use,
expires after PASSWORD_RESET_TIMEOUT). Nothing is created when the form is invalid.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied

from network.models import OrganisationMembership, OrganisationPage
from passerelles.public_address import absolute_url

from .roles import MEMBERS, ROLE_NAMES

INVITE_PERMISSION = "auth.add_user"


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = OrganisationPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title")

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role is not None and role.name == MEMBERS and not cleaned.get("organisation"):
            self.add_error("organisation", _("Un membre appartient à une structure : choisissez-la."))
        return cleaned

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Un compte existe déjà pour cette adresse."))
        return email

    @transaction.atomic
    def create_user(self):
        data = self.cleaned_data
        User = get_user_model()
        user = User(
            username=data["email"],
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(data["role"])
        if data.get("organisation"):
            OrganisationMembership.objects.create(user=user, organisation=data["organisation"])
        return user


def send_invitation(request, user, invited_by):
    link = absolute_url(
        reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        ),
        request,
    )
    context = {"user": user, "link": link, "invited_by": invited_by}
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
        if not request.user.has_perm(INVITE_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.create_user()
        # The outbox keeps the invitation if the mail server is down and sends it once it is back.
        send_invitation(self.request, user, self.request.user)
        messages.success(self.request, _("Invitation envoyée à %(email)s.") % {"email": user.email})
        return redirect("passerelles_invite")
