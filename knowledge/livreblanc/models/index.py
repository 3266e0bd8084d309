"""The white paper's section page: the list of its editions, newest first."""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from passerelles.localized import default_locale_page, in_visitor_language
from passerelles.sections import SectionIndexPage

from .chapter import ChapterPage
from .edition import EditionPage
from .recommendation import RecommendationPage


class WhitePaperIndexPage(SectionIndexPage):
    picto = "livre"  # its pictogram on the home page tiles (passerelles_tags.picto)
    subpage_types = ["livreblanc.EditionPage"]

    class Meta:
        verbose_name = _("livre blanc (sommaire des éditions)")
        verbose_name_plural = _("livres blancs (sommaires des éditions)")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Earlier editions stay listed (and readable) after a newer one opens. In another language,
        # the French editions are listed, each in the visitor's language when it is translated.
        editions = EditionPage.objects.child_of(default_locale_page(self)).live().order_by("-year", "-pk")
        # Counted on the French originals: a translation lists every recommendation of its
        # original (edition_outline), translated or not.
        originals = count_recommendations(list(editions))
        counts = {edition.translation_key: edition.recommendation_count for edition in originals}
        shown = in_visitor_language(originals)
        for edition in shown:
            edition.recommendation_count = counts[edition.translation_key]
        context["editions"] = shown
        return context


def count_recommendations(editions):
    """Sets `recommendation_count` on each edition: its published recommendations (under a
    published chapter, as its table of contents lists them), counted in two queries in all."""
    if not editions:
        return editions
    below = reduce(or_, [Q(path__startswith=edition.path) for edition in editions])
    chapters = set(ChapterPage.objects.live().filter(below).values_list("path", flat=True))
    paths = RecommendationPage.objects.live().filter(below).values_list("path", flat=True)
    shown = [path for path in paths if path[: -Page.steplen] in chapters]
    for edition in editions:
        edition.recommendation_count = sum(path.startswith(edition.path) for path in shown)
    return editions
