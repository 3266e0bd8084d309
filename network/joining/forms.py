"""The public join form: an existing structure of the directory, or a new one described."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from stdnum.be import vat as belgian_enterprise_number
from stdnum.exceptions import ValidationError as InvalidNumber

from passerelles.form_fields import visitor_email_field
from passerelles.honeypot import HoneypotMixin
from passerelles.vocabularies.models import StructureType, Zone

from ..forms import reject_html
from ..models import OrganisationPage

MESSAGE_MAX_LENGTH = 2000
NEW_STRUCTURE_FIELDS = [
    "structure_name",
    "structure_type",
    "zone",
    "street_address",
    "postcode",
    "municipality",
]


def format_enterprise_number(compact):
    """0123456749 -> 0123.456.749, as the Banque-Carrefour des Entreprises writes it."""
    return f"{compact[:4]}.{compact[4:7]}.{compact[7:]}"


def text(label, max_length, *, required=True, autocomplete=None, help_text=""):
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        validators=[reject_html],
        widget=forms.TextInput(attrs=attrs),
        error_messages={
            "max_length": _("Ce champ doit faire %(limit_value)s caractères au plus."),
        },
    )


class JoinForm(HoneypotMixin):
    organisation = forms.ModelChoiceField(
        label=_("Votre structure dans l’annuaire"),
        queryset=OrganisationPage.objects.none(),
        required=False,
        empty_label=_("— Ma structure n’est pas encore dans l’annuaire —"),
        help_text=_("Si elle n’y est pas, laissez ce choix et décrivez-la ci-dessous."),
        error_messages={"invalid_choice": _("Choisissez une structure de la liste.")},
    )
    structure_name = text(_("Nom de la nouvelle structure"), 200, required=False, autocomplete="organization")
    structure_type = forms.ModelChoiceField(
        label=_("Type de structure"),
        queryset=StructureType.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Choisissez un type de structure de la liste.")},
    )
    enterprise_number = forms.CharField(
        label=_("Numéro d’entreprise (BCE)"),
        max_length=30,
        required=False,
        help_text=_(
            "Dix chiffres, par exemple 0123.456.749, tel qu’il figure à la Banque-Carrefour des Entreprises."
        ),
        error_messages={"max_length": _("Un numéro d’entreprise compte dix chiffres.")},
    )
    street_address = text(_("Adresse (rue et numéro)"), 200, required=False, autocomplete="address-line1")
    postcode = forms.RegexField(
        label=_("Code postal"),
        regex=r"^\d{4}$",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        error_messages={"invalid": _("Le code postal belge compte quatre chiffres.")},
    )
    municipality = text(_("Commune"), 100, required=False, autocomplete="address-level2")
    zone = forms.ModelChoiceField(
        label=_("Zone"),
        queryset=Zone.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Choisissez une zone de la liste.")},
    )
    first_name = text(_("Votre prénom"), 150, autocomplete="given-name")
    last_name = text(_("Votre nom"), 150, autocomplete="family-name")
    email = visitor_email_field(
        _("Votre adresse professionnelle : elle sera votre identifiant, jamais publiée.")
    )
    job_title = text(_("Votre fonction dans la structure"), 150, autocomplete="organization-title")
    message = forms.CharField(
        label=_("Un mot pour la coordination"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        validators=[reject_html],
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Votre message doit faire 2 000 caractères au plus.")},
    )
    consent = forms.BooleanField(
        label=_(
            "J’accepte que la coordination de ma zone reçoive ces informations pour décider de ma demande."
        ),
        error_messages={"required": _("Cochez cette case pour que votre demande puisse être examinée.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        french = {"locale__language_code": settings.LANGUAGE_CODE}
        self.fields["organisation"].queryset = (
            OrganisationPage.objects.live().filter(**french).order_by("title")
        )
        self.fields["structure_type"].queryset = StructureType.objects.filter(**french).order_by("name")
        self.fields["zone"].queryset = Zone.objects.filter(**french).order_by("name")
        self.fields["first_name"].error_messages["required"] = _("Indiquez votre prénom.")
        self.fields["last_name"].error_messages["required"] = _("Indiquez votre nom.")
        self.fields["job_title"].error_messages["required"] = _("Indiquez votre fonction.")
        self.fields["site_web"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_enterprise_number(self):
        value = self.cleaned_data["enterprise_number"].strip()
        if not value:
            return ""
        try:
            compact = belgian_enterprise_number.validate(value)
        except InvalidNumber as error:  # format, length or checksum
            raise forms.ValidationError(
                _(
                    "Ce numéro d’entreprise n’est pas valide : vérifiez les dix chiffres (par exemple 0123.456.749)."
                )
            ) from error
        return format_enterprise_number(compact)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if cleaned.get("organisation"):
            if cleaned.get("structure_name"):
                self.add_error(
                    "structure_name",
                    _("Choisissez une structure de l’annuaire ou décrivez-en une nouvelle, pas les deux."),
                )
            return cleaned
        missing = {
            "structure_name": _("Indiquez le nom de la structure, ou choisissez-la dans l’annuaire."),
            "structure_type": _("Choisissez le type de la nouvelle structure."),
            "enterprise_number": _("Indiquez le numéro d’entreprise (BCE) de la nouvelle structure."),
            "street_address": _("Indiquez l’adresse de la nouvelle structure."),
            "postcode": _("Indiquez le code postal de la nouvelle structure."),
            "municipality": _("Indiquez la commune de la nouvelle structure."),
            "zone": _("Choisissez la zone de la nouvelle structure."),
        }
        for name, message in missing.items():
            if not cleaned.get(name):
                self.add_error(name, message)
        return cleaned

    def fill(self, join_request):
        """Copies the cleaned data onto a new (unsaved) JoinRequest."""
        data = self.cleaned_data
        for name in ["first_name", "last_name", "job_title", "message"]:
            setattr(join_request, name, data[name].strip())
        join_request.email = data["email"].strip().lower()
        organisation = data.get("organisation")
        if organisation is not None:
            join_request.organisation = organisation
            join_request.zone = organisation.zone
        else:
            for name in NEW_STRUCTURE_FIELDS + ["enterprise_number"]:
                value = data[name]
                setattr(join_request, name, value.strip() if isinstance(value, str) else value)
        return join_request
