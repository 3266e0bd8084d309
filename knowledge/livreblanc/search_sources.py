"""White-paper recommendations in the public search."""

from django.utils.translation import gettext_lazy as _

from search.registry import PageSource, register

from .models import RecommendationPage


@register
class RecommendationSource(PageSource):
    model = RecommendationPage
    type_key = "recommandation"
    label = _("Recommandation du livre blanc")
    vocabularies = {"themes": "themes"}
    text_fields = ("obstacle", "current_rule", "legal_reference", "proposed_change")

    def date(self, page):
        status = page.current_status  # the latest step of its follow-up
        return status.date if status else None

    def summary(self, page):
        return page.proposed_change
