"""What visitors search, recorded per language, and the public "Recherches fréquentes".

A visitor's query is public only if it found something the last time it was asked, was asked at
least SEARCH_POPULAR_MIN_HITS times in that language, and looks like words (no link, no e-mail,
not too long), or if an editor featured it (Paramètres › Recherches des visiteurs, where an
editor can also hide one). So a few requests cannot put an advert on every search page.

Recording is best effort: a database that refuses the write (read-only replica, full disk, lock)
costs the statistics, never the search. And it is written at most once per query and language per
SEARCH_RECORD_SECONDS (five minutes; 0: every search at once): the first search of a period writes
at once, the next ones are only counted in the shared cache, and added by the first search of the
same words after the period (so a query asked a hundred times a minute costs one write, not a
hundred). Counts still waiting in the cache when a query is never asked again are lost: the
statistics may be that much short, never more.
"""

import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import QueryStat, ZeroResultQuery

logger = logging.getLogger(__name__)

MAX_SHOWN = 6
MAX_POPULAR_LENGTH = 60
# A domain (spam-casino.example), a URL or an e-mail address: never shown to other visitors.
ADDRESS = re.compile(r"(\w[\w-]*\.)+[a-z]{2,}\b|https?:|www\.|@|/", re.IGNORECASE)


def min_hits():
    return getattr(settings, "SEARCH_POPULAR_MIN_HITS", 10)


# Searches counted in the cache, waiting for their query's next write, are kept this long.
PENDING_SECONDS = 30 * 24 * 60 * 60


def record_seconds():
    return getattr(settings, "SEARCH_RECORD_SECONDS", 5 * 60)


def record(query, language, results):
    """Counts one search (the editors' reports and the popular queries); never raises."""
    normalised = query.strip().lower()[:200]
    if not normalised:
        return
    hits = _hits_to_write(normalised, language)
    if not hits:
        return
    try:
        with transaction.atomic():
            _write(query, normalised, language, results, hits)
    except DatabaseError:
        logger.warning("Recherche non enregistrée dans les statistiques (écriture refusée)", exc_info=True)


def _hits_to_write(normalised, language):
    """How many searches of these words to write now (this one and those counted since the last
    write), or 0 when they were written less than `record_seconds()` ago (this one is counted)."""
    period = record_seconds()
    if not period:
        return 1
    digest = hashlib.sha256(f"{language}:{normalised}".encode()).hexdigest()[:32]
    written, pending = f"search:recorded:{digest}", f"search:pending:{digest}"
    if not cache.add(written, 1, period):
        if not cache.add(pending, 1, PENDING_SECONDS):
            try:
                cache.incr(pending)
            except ValueError:  # expired in between: this one search is lost
                pass
        return 0
    waiting = cache.get(pending) or 0
    if waiting:
        try:
            cache.decr(pending, waiting)  # not delete: another worker may be adding one
        except ValueError:
            waiting = 0
    return 1 + waiting


def _write(query, normalised, language, results, hits):
    # Wagtail's "Search terms" report (Query.add_hit, by `hits` instead of one).
    daily, _created = QueryDailyHits.objects.get_or_create(query=Query.get(query), date=timezone.now().date())
    QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
    stat, _created = QueryStat.objects.get_or_create(locale=language, query_string=normalised)
    QueryStat.objects.filter(pk=stat.pk).update(
        hits=F("hits") + hits, results=results, last_seen=timezone.now()
    )
    if not results:
        ZeroResultQuery.record(query, hits)


def presentable(query_string):
    return len(query_string) <= MAX_POPULAR_LENGTH and not ADDRESS.search(query_string)


def popular_queries(language, limit=MAX_SHOWN):
    """Featured queries first, then the most asked that found something, in this language (one
    query: the featured ones, then a few more asked ones than shown, as some may be dropped)."""
    rows = (
        QueryStat.objects.filter(locale=language, hidden=False)
        .filter(Q(featured=True) | Q(results__gt=0, hits__gte=min_hits()))
        .order_by("-featured", "-hits", "query_string")
        .values_list("query_string", "featured")[: limit * 4]
    )
    shown = []
    for query_string, featured in rows:
        if len(shown) >= limit:
            break
        if featured or presentable(query_string):
            shown.append(query_string)
    return shown
