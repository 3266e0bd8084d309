"""Help when nothing is found, and the autocomplete behind the search box."""

import difflib
import logging

from django.core.cache import cache
from django.db import transaction
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from passerelles.fragments import remembered
from passerelles.vocabularies.models import VOCABULARIES

from . import registry
from .fulltext import engines
from .models import SearchDocument
from .text import fold

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 8
VOCABULARY_CACHE_SECONDS = 300


def vocabulary_terms(locale):
    """Vocabulary labels and words of indexed titles, for spelling suggestions (cached)."""
    key = f"search:terms:{locale}"
    terms = cache.get(key)
    if terms is None:
        # The search runs in the visitor's language: labels in that language (French if untranslated).
        labels = [tag.label for model in VOCABULARIES for tag in model.objects.canonical()]
        shown = SearchDocument.objects.filter(shown_in__contains=f" {locale} ")
        titles = shown.values_list("title", flat=True)[:5000]
        words = {word for title in titles for word in title.split() if len(word) > 3}
        terms = sorted(set(labels) | {word.strip(".,;:!?()«»\"'") for word in words})
        cache.set(key, terms, VOCABULARY_CACHE_SECONDS)
    return terms


def did_you_mean(query, locale, limit=5):
    """Closest vocabulary labels or title words to the query, by spelling (accents ignored)."""
    terms = vocabulary_terms(locale)
    by_folded = {}
    for term in terms:
        by_folded.setdefault(fold(term), term)
    candidates = difflib.get_close_matches(fold(query), list(by_folded), n=limit, cutoff=0.6)
    words = fold(query).split()
    if not candidates and len(words) > 1:
        for word in words:
            candidates += difflib.get_close_matches(word, list(by_folded), n=2, cutoff=0.7)
    return [by_folded[candidate] for candidate in dict.fromkeys(candidates)][:limit]


def promoted_queries():
    """The queries that have editors' picks, remembered until the next publication (saving a pick,
    or publishing, moving or unpublishing its page, starts a new one)."""
    return remembered(
        "search-promoted-queries",
        build=lambda: set(SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()),
    )


def editors_picks(query):
    """Promoted results chosen by editors for this exact query (wagtail.contrib.search_promotions);
    no query at all for the many searches that have none."""
    if not query or query.strip().lower() not in promoted_queries():
        return []
    found = Query.objects.filter(query_string=query.strip().lower()).first()
    if found is None:
        return []
    picks = found.editors_picks.select_related("page").order_by("sort_order")
    return [pick for pick in picks if pick.page_id is None or pick.page.live]


def autocomplete(query, locale):
    """Up to MAX_SUGGESTIONS documents whose title has a word starting like each word of the
    query ("reparation v", "velos"), shown in the visitor's language: [{title, url, type}]."""
    tried = engines()
    for number, engine in enumerate(tried):
        try:
            with transaction.atomic():
                documents = engine.suggestions(query, locale, MAX_SUGGESTIONS)
            break
        except Exception:  # search server down: the next engine answers
            if number == len(tried) - 1:
                raise
            logger.warning("Suggestions : le moteur %s a échoué", engine.name, exc_info=True)
    labels = registry.type_labels()
    return [
        {"title": document.title, "url": document.url, "type": str(labels.get(document.doc_type, ""))}
        for document in documents
    ]
