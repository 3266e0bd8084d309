"""The whole edition in a fixed number of queries: chapters, their numbered recommendations, the
current status, themes and support count of each (and, for print and PDF, the supporting pages)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from passerelles.localized import in_visitor_language, original_of
from passerelles.vocabularies.tagging import prefetch_tags

from .consultation import supported_ids
from .models.chapter import ChapterPage
from .models.consultation import Support
from .models.recommendation import (
    RecommendationEvent,
    RecommendationPage,
    RecommendationPractice,
    RecommendationTheme,
)


@dataclass
class ChapterEntry:
    page: ChapterPage
    number: int
    recommendations: list = field(default_factory=list)


@dataclass
class Outline:
    chapters: list

    @property
    def recommendations(self):
        return [rec for chapter in self.chapters for rec in chapter.recommendations]


def support_count():
    """A correlated count, so the page rows are not grouped (portable to SQLite and PostgreSQL).
    Supports are recorded on the French original: its translations share its count."""
    counts = (
        Support.objects.filter(recommendation__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("recommendation__translation_key")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def original_pk():
    """The pk of the French original of each recommendation (the one its supports are recorded on)."""
    originals = RecommendationPage.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    )
    return Subquery(originals.values("pk")[:1])


def linked_pages(model):
    live_pages = model.objects.filter(page__live=True).select_related("page", "page__locale")
    return live_pages.order_by("sort_order")


def with_outline_data(queryset, full=False):
    """What each numbered recommendation shows: its support count, status and themes (and, for
    print and PDF, the supporting pages)."""
    queryset = (
        queryset.annotate(support_count=support_count(), original_pk=original_pk())
        .prefetch_related("status_changes")
        .prefetch_related(*prefetch_tags(RecommendationTheme))
    )
    if full:
        queryset = queryset.prefetch_related(
            Prefetch("practice_links", linked_pages(RecommendationPractice), to_attr="live_practice_links"),
            Prefetch("event_links", linked_pages(RecommendationEvent), to_attr="live_event_links"),
        )
    return queryset


def recommendations_of(edition, full=False):
    return with_outline_data(RecommendationPage.objects.descendant_of(edition).live(), full).order_by("path")


def edition_outline(edition, request=None, full=False):
    """The outline of the French original, whatever the language it is read in: each chapter and
    recommendation in the visitor's language when its translation is live, in French otherwise
    (marked `original_language`). A partly translated edition thus loses none of its
    recommendations, and numbers and counts are those of the original."""
    original = original_of(edition)
    french_chapters = list(ChapterPage.objects.child_of(original).live().order_by("path"))
    chapters = [
        ChapterEntry(page=chapter, number=number)
        for number, chapter in enumerate(in_visitor_language(french_chapters), 1)
    ]
    by_path = {french.path: entry for french, entry in zip(french_chapters, chapters, strict=True)}
    supported = supported_ids(request) if request is not None else set()
    french_recommendations = list(recommendations_of(original, full=full))
    shown = in_visitor_language(
        french_recommendations, prepare=lambda queryset: with_outline_data(queryset, full)
    )
    for french, recommendation in zip(french_recommendations, shown, strict=True):
        entry = by_path.get(french.path[: -Page.steplen])
        if entry is None:  # under a draft chapter: not public
            continue
        entry.recommendations.append(recommendation)
        recommendation.number = f"{entry.number}.{len(entry.recommendations)}"
        recommendation.supported_here = (recommendation.original_pk or recommendation.pk) in supported
    return Outline(chapters=chapters)
