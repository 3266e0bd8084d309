"""Fiches actions and bonnes pratiques in the public search."""

from django.utils.translation import gettext_lazy as _

from search.registry import PageSource, register

from .models import BonnePratiquePage, FicheActionPage

KNOWLEDGE_VOCABULARIES = {
    "sectors": "sectors",
    "publics": "publics",
    "themes": "themes",
    "structure_types": "structure_types",
    "zones": "zones",
}


class KnowledgeSource(PageSource):
    vocabularies = KNOWLEDGE_VOCABULARIES

    def date(self, page):
        return page.last_reviewed  # the content's own date, not the day it was (re)indexed


@register
class FicheSource(KnowledgeSource):
    model = FicheActionPage
    type_key = "fiche"
    label = _("Fiche action")
    text_fields = (
        "summary",
        "problem",
        "objectives",
        "public_description",
        "steps",
        "means",
        "partners",
        "indicators",
        "lessons",
    )


@register
class PratiqueSource(KnowledgeSource):
    model = BonnePratiquePage
    type_key = "pratique"
    label = _("Bonne pratique")
    text_fields = ("summary", "context", "practice", "impact", "transfer_conditions", "testimonials")
