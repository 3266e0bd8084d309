"""Checks on what editors type in an offer: trainees must never find a person's e-mail address."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def no_email_address(value):
    if value and EMAIL_PATTERN.search(str(value)):
        raise ValidationError(
            _(
                "Pas d'adresse e-mail ici : les offres sont publiques. Indiquez un lien vers le "
                "formulaire de la structure ou son numéro de téléphone."
            ),
            code="email",
        )


belgian_postcode = RegexValidator(r"^\d{4}$", _("Un code postal belge compte 4 chiffres (ex. 6000)."))

phone_number = RegexValidator(
    r"^\+?[0-9][0-9 ./()-]{5,28}$",
    _("Indiquez un numéro de téléphone, par exemple 071 12 34 56 ou +32 71 12 34 56."),
)
