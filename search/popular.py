"""What visitors search, recorded per language, and the public "Recherches fréquentes".

A visitor's query is public only if it found something the last time it was asked, was asked at
least SEARCH_POPULAR_MIN_HITS times in that language, and looks like words (no link, no e-mail,
not too long), or if an editor featured it (Paramètres › Recherches des visiteurs, where an
editor can also hide one). So a few requests cannot put an advert on every search page.

Recording is best effort: a database that refuses the write (read-only replica, full disk, lock)
costs the statistics, never the search.
"""

import logging
import re

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from .models import QueryStat, ZeroResultQuery

logger = logging.getLogger(__name__)

MAX_SHOWN = 6
MAX_POPULAR_LENGTH = 60
# A domain (spam-casino.example), a URL or an e-mail address: never shown to other visitors.
ADDRESS = re.compile(r"(\w[\w-]*\.)+[a-z]{2,}\b|https?:|www\.|@|/", re.IGNORECASE)


def min_hits():
    return getattr(settings, "SEARCH_POPULAR_MIN_HITS", 10)


def record(query, language, results):
    """Counts one search (the editors' reports and the popular queries); never raises."""
    normalised = query.strip().lower()[:200]
    if not normalised:
        return
    try:
        with transaction.atomic():
            Query.get(query).add_hit()  # Wagtail's "Search terms" report
            stat, _created = QueryStat.objects.get_or_create(locale=language, query_string=normalised)
            QueryStat.objects.filter(pk=stat.pk).update(
                hits=F("hits") + 1, results=results, last_seen=timezone.now()
            )
            if not results:
                ZeroResultQuery.record(query)
    except DatabaseError:
        logger.warning("Recherche non enregistrée dans les statistiques (écriture refusée)", exc_info=True)


def presentable(query_string):
    return len(query_string) <= MAX_POPULAR_LENGTH and not ADDRESS.search(query_string)


def popular_queries(language, limit=MAX_SHOWN):
    """Featured queries first, then the most asked that found something, in this language."""
    stats = QueryStat.objects.filter(locale=language, hidden=False)
    featured = list(stats.filter(featured=True).order_by("-hits", "query_string")[:limit])
    asked = stats.filter(featured=False, results__gt=0, hits__gte=min_hits()).order_by(
        "-hits", "query_string"
    )
    shown = [stat.query_string for stat in featured]
    for stat in asked[: limit * 3]:  # a few more: some may be dropped below
        if len(shown) >= limit:
            break
        if presentable(stat.query_string):
            shown.append(stat.query_string)
    return shown
