"""Offers for trainees (formations, stages, emplois d'insertion) in the public search."""

from django.utils.translation import gettext_lazy as _

from search.registry import PageSource, register

from .models import OfferPage


@register
class OfferSource(PageSource):
    model = OfferPage
    type_key = "offre"
    label = _("Offre")
    vocabularies = {"sectors": "sectors", "publics": "publics", "zones": "zones"}
    text_fields = ("summary", "who_can_apply", "prerequisites", "duration", "municipality", "testimonials")

    def date(self, page):
        return page.start_date
