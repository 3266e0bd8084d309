"""Fields the public forms share, with their French messages said once."""

from django import forms
from django.utils.translation import gettext_lazy


def visitor_email_field(help_text):
    """The visitor's e-mail address: required, at most 254 characters, what to do when it is wrong."""
    return forms.EmailField(
        label=gettext_lazy("Votre adresse e-mail"),
        max_length=254,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": gettext_lazy("Indiquez votre adresse e-mail."),
            "invalid": gettext_lazy("Indiquez une adresse e-mail valide, comme nom@exemple.be."),
            "max_length": gettext_lazy("L’adresse e-mail doit faire 254 caractères au plus."),
        },
    )
