"""The public registration form, with a honeypot field that people never see."""

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _


def session_labels(sessions):
    """(value, "jeudi 10 décembre 2026, de 14:00 à 16:00 — 3 places") for each session."""
    for occurrence in sessions:
        label = render_to_string("events/_when.html", {"occurrence": occurrence}).strip()
        if getattr(occurrence, "places_label", ""):
            label = f"{label} — {occurrence.places_label}"
        yield occurrence.start.isoformat(), label


class RegistrationForm(forms.Form):
    """`sessions`: for a recurring event, the dates one may register to (one place per date)."""

    name = forms.CharField(
        label=_("Nom et prénom"), max_length=120, error_messages={"required": _("Indiquez votre nom.")}
    )
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        help_text=_("Pour la confirmation ; jamais publiée."),
        error_messages={
            "required": _("Indiquez votre adresse e-mail."),
            "invalid": _("Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.be)."),
        },
    )
    organisation = forms.CharField(label=_("Structure"), max_length=200, required=False)
    # Hidden from people (CSS and aria-hidden); robots filling every field are turned away.
    website = forms.CharField(label=_("Ne pas remplir ce champ"), required=False)

    def __init__(self, *args, sessions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {occurrence.start.isoformat(): occurrence for occurrence in sessions or []}
        if sessions is not None:
            self.fields["occurrence"] = forms.ChoiceField(
                label=_("Date"),
                choices=[(key, label) for key, label in session_labels(sessions)],
                error_messages={
                    "required": _("Choisissez la date à laquelle vous venez."),
                    "invalid_choice": _(
                        "Choisissez une des dates proposées : celle-ci n’est pas au programme."
                    ),
                },
            )
            self.order_fields(["occurrence", "name", "email", "organisation", "website"])

    def clean_occurrence(self):
        return self.sessions[self.cleaned_data["occurrence"]]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(self.fields["name"].error_messages["required"])
        return name

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    @property
    def is_spam(self):
        return bool(self.data.get("website"))
