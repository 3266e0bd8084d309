"""Structured, repeated content of fiches and practices; each block renders with its template in templates/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

SECTION_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Étape"), max_length=140, help_text=_("Un titre court : « Accueil du groupe ».")
    )
    duration = blocks.CharBlock(
        label=_("Durée"), required=False, max_length=60, help_text=_("Par exemple : 2 heures, 3 semaines.")
    )
    description = blocks.RichTextBlock(label=_("Ce qui se passe"), features=SECTION_FEATURES)

    class Meta:
        icon = "list-ol"
        label = _("Étape")
        template = "blocks/step_block.html"
        description = _("Une étape de l'action, dans l'ordre, pour qu'une autre structure puisse la refaire.")
        preview_value = {
            "title": _("Accueil du groupe"),
            "duration": _("2 heures"),
            "description": _("<p>Tour de table et visite de l'atelier.</p>"),
        }


class IndicatorBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Résultat"), max_length=40, help_text=_("Un chiffre ou une valeur : « 68 % ».")
    )
    label = blocks.CharBlock(label=_("Ce qu'il mesure"), max_length=160)
    period = blocks.CharBlock(label=_("Période"), required=False, max_length=60)

    class Meta:
        icon = "order"
        label = _("Indicateur")
        template = "blocks/indicator_block.html"
        description = _("Un résultat chiffré de l'action et ce qu'il mesure.")
        preview_value = {
            "value": "68 %",
            "label": _("des stagiaires en emploi six mois après"),
            "period": "2025",
        }


class ContactBlock(blocks.StructBlock):
    """A person to ask about the action. Never a personal e-mail address: the structure's phone or site."""

    name = blocks.CharBlock(label=_("Nom"), max_length=120)
    role = blocks.CharBlock(label=_("Fonction"), required=False, max_length=120)
    structure = blocks.CharBlock(label=_("Structure"), max_length=160)
    phone = blocks.CharBlock(
        label=_("Téléphone de la structure"), required=False, max_length=40, help_text=_("Le numéro général.")
    )
    website = blocks.URLBlock(label=_("Site web de la structure"), required=False)

    class Meta:
        icon = "user"
        label = _("Personne de contact")
        template = "blocks/contact_block.html"
        description = _("Une personne à qui poser ses questions, jamais avec son adresse e-mail personnelle.")
        preview_value = {
            "name": "Julie Lambert",
            "role": _("formatrice"),
            "structure": "Vélo Châtelet",
            "phone": "071 00 00 00",
        }
