"""Runs a visitor's query: search backend for relevance, SQL for facets, order and paging.

The backend (Wagtail's search API over SearchDocument) only returns the ids of the best
matches, in relevance order; facets, filters and sorting are then plain SQL over those ids,
so a page costs the same number of queries whatever the amount of content. When the backend
fails (search server down, odd query it rejects), a simple `icontains` over the analysed text
takes over and the page says so.
"""

import logging
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.search.backends import get_search_backend

from passerelles.facets import ChoiceFacet, Facet, FacetedFilter

from . import registry
from .indexing import language_of, stems
from .models import DocumentPublic, DocumentSector, DocumentStructureType, DocumentZone, SearchDocument
from .text import analyse

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_MATCHES = 1000
MAX_TERMS = 12


def clean_query(raw):
    """Printable text only (no NUL or control characters), trimmed to a sane length."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_terms(query, locale):
    """The words sent to the backend: analysed like the documents, operators and symbols dropped."""
    terms = list(dict.fromkeys(analyse(query, language_of(locale)).split()))[:MAX_TERMS]
    extra = stems(" ".join(terms), locale).split()
    return " ".join(dict.fromkeys(terms + extra))


def facets():
    """Type, then the vocabularies: (parameter, label, document link model, M2M field)."""
    vocabularies = [
        (DocumentSector, "sectors"),
        (DocumentPublic, "publics"),
        (DocumentZone, "zones"),
        (DocumentStructureType, "structure_types"),
    ]
    return [ChoiceFacet("type", gettext_lazy("Type de contenu"), "doc_type", registry.type_choices())] + [
        Facet.of_tags(through, f"{name}__slug", item_field="document") for through, name in vocabularies
    ]


@dataclass
class Outcome:
    ids: list = field(default_factory=list)
    fallback: bool = False


def matching_ids(query, locale, backend=None):
    """Ids of documents matching `query`, best first (at most MAX_MATCHES)."""
    documents = SearchDocument.objects.filter(locale=locale)
    terms = search_terms(query, locale)
    if not terms:
        return Outcome()
    try:
        backend = backend or get_search_backend()
        results = backend.search(terms, documents.only("pk"), operator="or")
        return Outcome([document.pk for document in results[:MAX_MATCHES]])
    except Exception:  # any backend failure: the database answers instead
        logger.warning("Moteur de recherche indisponible, repli sur la base de données", exc_info=True)
        return Outcome(fallback_ids(terms, documents), fallback=True)


def fallback_ids(terms, documents):
    words = terms.split()
    matches = Q()
    in_title = Q()
    for word in words:
        matches |= Q(search_title__icontains=word) | Q(search_body__icontains=word)
        in_title |= Q(search_title__icontains=word)
    ranked = documents.filter(matches).annotate(
        in_title=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    )
    return list(ranked.order_by("-in_title", "-date").values_list("pk", flat=True)[:MAX_MATCHES])


class SearchRun:
    """Everything the result page shows for one request."""

    def __init__(self, query, locale, data, sort="pertinence"):
        self.query = query
        self.locale = locale
        self.sort = sort
        self.filter = FacetedFilter(facets(), data)
        self.messages = list(self.filter.errors)
        self.fallback = False
        documents = SearchDocument.objects.filter(locale=locale)
        if query:
            outcome = matching_ids(query, locale)
            self.fallback = outcome.fallback
            self.relevance = outcome.ids
            base = documents.filter(pk__in=outcome.ids)
        else:
            self.relevance = None
            base = documents if self.filter.selected else documents.none()
        self.base = base
        self.facet_values = visible_facets(self.filter.facet_values(base))
        self.ordered_ids = self._ordered_ids(self.filter.apply(base))

    def _ordered_ids(self, queryset):
        if self.relevance is None or self.sort == "date":
            return list(queryset.order_by("-date", "title").values_list("pk", flat=True))
        kept = set(queryset.values_list("pk", flat=True))
        return [pk for pk in self.relevance if pk in kept]

    @property
    def notice(self):
        if self.fallback:
            return _(
                "Le moteur de recherche ne répond pas pour l’instant : voici les résultats d’une "
                "recherche simple, peut-être moins pertinents."
            )
        return ""


def visible_facets(facet_values):
    """Only values that would give results (or are chosen): a search spans many vocabularies."""
    visible = []
    for facet in facet_values:
        values = [value for value in facet["values"] if value.count or value.selected]
        if values:
            visible.append({**facet, "values": values})
    return visible


def documents_for(ids):
    """The documents of one result page, in the given order, with their vocabulary labels."""
    documents = SearchDocument.objects.filter(pk__in=ids).prefetch_related("sectors")
    by_id = {document.pk: document for document in documents}
    labels = registry.type_labels()
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    for document in ordered:
        document.type_label = labels.get(document.doc_type, document.doc_type)
    return ordered
