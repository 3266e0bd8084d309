"""Following the public search: a text and the search's facets, over what was published since.

The search's own pieces are used: `clean_query`, its facets (FacetedFilter over documents), its
engines in the same order with the same fallback, and the documents shown in the subscriber's
language. Candidates are the search documents of pages published or republished since the
oldest digest of the group, read once per language; the facets cost one UNION query per
language; the text costs one engine query per distinct text and language (an engine ranks one
text at a time). The number of subscribers and of items does not change the count.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.translation import gettext as _
from wagtail.models import Page, get_page_models

from passerelles.facets import FacetedFilter
from search.fulltext import engines
from search.querying import MAX_QUERY_LENGTH, clean_query, facets, shown_in

logger = logging.getLogger(__name__)


def normalised_query(raw):
    """(query string, messages) of a search to follow: its cleaned text and known facet values."""
    data = QueryDict(raw[:2000] if raw else "")
    text = clean_query(data.get("q", ""))
    facet_filter = FacetedFilter(facets(), data)
    query = QueryDict(mutable=True)
    if text:
        query["q"] = text
    for parameter, slugs in sorted(facet_filter.selected.items()):
        for slug in sorted(slugs):
            query.appendlist(parameter, slug)
    messages = list(facet_filter.errors)
    if len(data.get("q", "").strip()) > MAX_QUERY_LENGTH:
        messages.append(_("La recherche était très longue : seuls ses premiers caractères sont suivis."))
    return query.urlencode(), messages


def page_types():
    return ContentType.objects.get_for_models(*get_page_models()).values()


def candidates(language, since, now):
    """Documents shown in `language` of pages published since `since` (and no later than now)."""
    changed = (
        Page.objects.filter(last_published_at__gt=since, last_published_at__lte=now)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    return shown_in(language).filter(source_type__in=[t.pk for t in page_types()], source_id__in=changed)


def matching(text, language, documents):
    """Ids among `documents` that the search finds for `text`, engine after engine as the page."""
    for engine in engines():
        try:
            with transaction.atomic():
                match = engine.prepare(text, language)
                if not match:
                    return set()
                return set(
                    engine.documents(match).filter(pk__in=documents.values("pk")).values_list("pk", flat=True)
                )
        except Exception:  # as the search page: a failing engine hands over to the next one
            logger.warning("Alertes : le moteur %s a échoué", engine.name, exc_info=True)
    return set()
