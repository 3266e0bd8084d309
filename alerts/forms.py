"""The "Recevoir les nouveautés" form and the frequency change of the management page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from passerelles.form_fields import visitor_email_field
from passerelles.honeypot import HoneypotMixin

from .models import Frequency

FREQUENCY_ERRORS = {
    "required": _("Choisissez à quel rythme recevoir les nouveautés."),
    "invalid_choice": _(
        "Choisissez une fréquence dans la liste : dès qu’il y a du nouveau, chaque semaine ou chaque mois."
    ),
}


class SubscribeForm(HoneypotMixin):
    email = visitor_email_field(
        _("Vous recevrez d’abord un lien de confirmation. L’adresse n’est jamais publiée.")
    )
    frequency = forms.ChoiceField(
        label=_("À quel rythme ?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages=FREQUENCY_ERRORS,
    )
    # What is followed: a page id (listing or recommendation) or "recherche", and the filters.
    cible = forms.CharField(widget=forms.HiddenInput, max_length=20)
    # Not limited here: targets.resolve() keeps the first MAX_QUERY_LENGTH characters, known values only.
    filtres = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, with_frequency=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site_web"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not with_frequency:  # a recommendation: each change is sent when it happens
            del self.fields["frequency"]
        self.order_fields(["email", "frequency", "cible", "filtres", "site_web"])


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Fréquence"), choices=Frequency.choices, error_messages=FREQUENCY_ERRORS
    )
