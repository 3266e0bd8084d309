"""The public registration form, with a honeypot field that people never see."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
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
