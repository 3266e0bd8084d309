"""Public forms: the meetup request (with a honeypot) and the compagnon's answer."""

import re
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models.meetups import MeetupRequest

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
MAX_DAYS_AHEAD = 365


def reject_html(value):
    if value and HTML_TAG.search(value):
        raise forms.ValidationError(_("Écrivez du texte simple, sans balises HTML (< >)."))
    return value


DUPLICATE_REQUEST = _(
    "Vous avez déjà envoyé cette demande à cette personne : elle est bien enregistrée, "
    "inutile de la renvoyer."
)


class MeetupRequestForm(forms.ModelForm):
    # Honeypot: hidden from people, filled by naive bots; a filled value discards the request.
    site_web = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    agree = forms.BooleanField(
        label=_("J'accepte que mon nom, ma structure et mon message soient transmis au compagnon."),
        error_messages={"required": _("Cochez cette case pour que votre demande puisse être transmise.")},
    )

    class Meta:
        model = MeetupRequest
        fields = [
            "requester_name",
            "requester_email",
            "requester_organisation",
            "format",
            "date_from",
            "date_to",
            "message",
        ]
        widgets = {
            "date_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "date_to": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "message": forms.Textarea(attrs={"rows": 6}),
            "requester_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "requester_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "requester_organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        help_texts = {
            "message": _("Ce que vous voulez voir ou apprendre, et pourquoi (3 000 caractères au plus)."),
            "date_from": _("Première date qui vous conviendrait."),
            "date_to": _("Dernière date possible, dans l'année qui vient."),
            "requester_email": _("Le compagnon vous répondra à cette adresse ; elle n'est jamais publiée."),
        }

    def __init__(self, *args, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        formats = person.formats.all() if person is not None else self.fields["format"].queryset.none()
        self.fields["format"].queryset = formats
        self.fields["format"].empty_label = _("Peu importe")
        # The format's label in the visitor's language, not its French name (str()).
        self.fields["format"].label_from_instance = lambda meetup_format: meetup_format.label
        self.fields["format"].required = False
        for name in ("date_from", "date_to"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
            self.fields[name].error_messages["invalid"] = _(
                "Indiquez une date réelle, par exemple 15/03/2026."
            )
        # Say what to do, field by field (the error summary lists these messages).
        for name, message in (
            ("requester_name", _("Indiquez votre nom.")),
            ("requester_email", _("Indiquez votre adresse e-mail.")),
            ("requester_organisation", _("Indiquez votre structure.")),
            ("message", _("Expliquez votre demande en quelques phrases (20 caractères au moins).")),
            ("date_from", _("Indiquez la première date qui vous conviendrait.")),
            ("date_to", _("Indiquez la dernière date possible.")),
        ):
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        self.fields["requester_email"].error_messages["invalid"] = _(
            "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.be)."
        )

    def clean_requester_name(self):
        return reject_html(self.cleaned_data["requester_name"])

    def clean_requester_organisation(self):
        return reject_html(self.cleaned_data["requester_organisation"])

    def clean_message(self):
        message = reject_html(self.cleaned_data["message"]).strip()
        if len(message) < 20:
            raise forms.ValidationError(
                _("Expliquez votre demande en quelques phrases (20 caractères au moins).")
            )
        return message

    def clean_date_from(self):
        value = self.cleaned_data["date_from"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Cette date est déjà passée."))
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("La dernière date doit suivre la première."))
        if end and end > timezone.localdate() + timedelta(days=MAX_DAYS_AHEAD):
            self.add_error("date_to", _("Choisissez une date dans l'année qui vient."))
        if self.is_duplicate(cleaned):
            raise forms.ValidationError(DUPLICATE_REQUEST, code="duplicate")
        return cleaned

    def is_duplicate(self, cleaned):
        """The same message from the same address to the same compagnon: a double post."""
        email, message = cleaned.get("requester_email"), cleaned.get("message")
        if self.person is None or not email or not message:
            return False
        return MeetupRequest.objects.filter(
            person=self.person, requester_email__iexact=email, message=message
        ).exists()

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("site_web"), "").strip())


class MeetupAnswerForm(forms.Form):
    message = forms.CharField(
        label=_("Un mot pour la personne (facultatif)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_message(self):
        return reject_html(self.cleaned_data["message"]).strip()
