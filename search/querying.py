"""Runs a visitor's query: an engine for matching and ranking, SQL for facets, date order and paging.

The engine (search/fulltext/) gives every matching document shown in the visitor's language as a
queryset, and the ids of one page, best first. Facets and the count are plain SQL over that
queryset, so they are exact however many documents match: every facet's counts and the total in
one UNION ALL statement (the engine already knows the number of matches when no facet is chosen),
so a page costs the same few queries whatever the amount of content. If an engine fails, the next one answers (the last one, a
simple `icontains` match, says so on the page).
"""

import logging

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import CharField, Count, F, IntegerField, Value
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.facets import ChoiceFacet, Facet, FacetedFilter
from passerelles.fragments import remembered
from passerelles.pagination import paginate

from . import registry
from .fulltext import engines
from .fulltext.scan import ScanIn
from .models import DocumentPublic, DocumentSector, DocumentStructureType, DocumentZone, SearchDocument

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
TOTAL = "__total__"  # the row of the counts' statement that holds the number of documents


def clean_query(raw):
    """Printable text only (no NUL or control characters), trimmed to a sane length."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


class DocumentTypeFacet(ChoiceFacet):
    """Counts rows, not distinct rows: the queryset it counts never repeats a document."""

    def counts(self, queryset):
        return dict(self.count_rows(queryset).values_list("value", "n"))

    def count_rows(self, queryset, matches=None):
        """(value, tag, n) rows: `tag` is the vocabulary facets' column (none here)."""
        return (
            queryset.order_by()
            .values(value=F(self.field_name))
            .annotate(tag=Value(None, output_field=IntegerField()), n=Count("pk"))
        )

    def slug(self, value, tag):
        return value


class DocumentFacet(Facet):
    """A vocabulary facet of documents: a document carries a term once (indexing.py), so a plain
    count of the links is exact, and much cheaper than a distinct count over every match. The
    links are read from their (tag, document) index, checked against the matches (ScanIn)."""

    wide_scan = False  # many matches: set by SearchRun from the engine (fulltext/scan.py)

    def filter(self, queryset, slugs):
        """Documents linked to one of `slugs`, as a list of ids rather than a join: no document
        row is read to filter (ScanIn), and no document comes twice."""
        linked = self.through.objects.filter(tag__slug__in=slugs).values("document")
        # Always scanned: with few matches SQLite goes through them and checks this list; with
        # many, it scans a narrow index and checks both.
        return queryset.filter(ScanIn(linked))

    def counts(self, queryset):
        rows = self.count_rows(queryset).values_list("value", "tag", "n")
        return {self.slug(value, tag): n for value, tag, n in rows}

    def count_rows(self, queryset, matches=None):
        """(value, tag, n) rows, grouped by the term's id in the order of the (tag, document)
        index, no join to the vocabulary (`slug()` names the term). `matches`: SQL giving the ids
        of `queryset` when it holds every match (no other facet chosen): read as they are,
        rather than through the document table."""
        documents = matches if matches is not None else queryset.order_by().values("pk")
        return (
            self.through.objects.filter(ScanIn(documents, column="document", scan=self.wide_scan))
            .order_by()
            .values("tag")
            .annotate(value=Value(None, output_field=CharField()), n=Count("pk"))
        )

    def slug(self, value, tag):
        slugs = remembered(
            "facet-slugs",
            self.tag_model._meta.label,
            build=lambda: dict(self.tag_model.objects.values_list("pk", "slug")),
        )
        return slugs.get(tag)


def facets():
    """Type, then the vocabularies (document link model, M2M field): headings from the vocabularies."""
    vocabularies = [
        (DocumentSector, "sectors"),
        (DocumentPublic, "publics"),
        (DocumentZone, "zones"),
        (DocumentStructureType, "structure_types"),
    ]
    return [
        DocumentTypeFacet("type", gettext_lazy("Type de contenu"), "doc_type", registry.type_choices())
    ] + [
        DocumentFacet.of_tags(through, f"{name}__slug", item_field="document")
        for through, name in vocabularies
    ]


def shown_in(language):
    return SearchDocument.objects.filter(shown_in__contains=f" {language} ")


class PageOfIds:
    """What Paginator needs: the total, and the ids of the one page asked (already fetched)."""

    def __init__(self, total, ids=()):
        self.total = total
        self.ids = list(ids)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return self.ids


class SearchRun:
    """Everything the result page shows for one request."""

    def __init__(self, query, language, data, sort="pertinence", page=1, per_page=10):
        self.query = query
        self.language = language
        self.sort = sort
        self.per_page = per_page
        self.filter = FacetedFilter(facets(), data)
        self.messages = list(self.filter.errors)
        self.fallback = False
        self.facet_values = []
        if query:
            self._search(page)
        else:
            base = shown_in(language) if self.filter.selected else SearchDocument.objects.none()
            self._collect(None, None, base, page)

    def _search(self, page):
        tried = engines()
        for number, engine in enumerate(tried):
            try:
                with transaction.atomic():  # a failed statement must not spoil the request's transaction
                    match = engine.prepare(self.query, self.language)
                    base = engine.documents(match) if match else SearchDocument.objects.none()
                    self._collect(engine, match, base, page)
                self.fallback = number > 0 and engine.name == "simple"
                return
            except Exception:  # search server down, odd query, missing index: the next engine answers
                if number == len(tried) - 1:
                    raise
                logger.warning(
                    "Recherche : le moteur %s a échoué, repli sur le suivant", engine.name, exc_info=True
                )

    def _collect(self, engine, match, base, page):
        for facet in self.filter.facets:
            facet.wide_scan = getattr(engine, "wide_scan", False)
        self.matches_sql = getattr(engine, "matches_sql", None)  # SQL of the match ids, if any
        # The matches the facets keep: engines rank inside them (None: no facet chosen).
        restrict = None
        filtered = base
        if self.filter.selected:
            restrict = filtered = self.filtered(base)
        # Without a facet, the engine counted its matches when it found them.
        known = getattr(engine, "matches", None) if restrict is None else None
        counts, total = self.counts(base, filtered, known)
        self.facet_values = visible_facets(self.filter.values_with_counts(counts))
        # The page number is checked (and its message worded) as in every other listing.
        asked, message = paginate(PageOfIds(total), page, self.per_page)
        if message:
            self.messages.append(message)
        number = asked.number
        offset = (number - 1) * self.per_page
        if engine is None or self.sort == "date":
            # Ties (contents of the same day) newest first: the date index alone gives this order.
            ordered = filtered.order_by(F("date").desc(nulls_last=True), "-pk").values_list("pk", flat=True)
            ids = list(ordered[offset : offset + self.per_page])
        else:
            ids = engine.ranked_ids(match, restrict, total, offset, self.per_page) if total else []
        self.page_obj = Paginator(PageOfIds(total, ids), self.per_page).page(number)

    def filtered(self, queryset, exclude=None):
        """The active facets' filters but `exclude`'s (FacetedFilter.apply without its DISTINCT:
        none is needed)."""
        for facet in self.filter.facets:
            slugs = self.filter.selected.get(facet.parameter)
            if slugs and facet.parameter != exclude:
                queryset = facet.filter(queryset, slugs)
        return queryset

    def counts(self, base, filtered, total=None):
        """({parameter: {slug: count}}, total) in one statement: each facet's values counted with
        the other facets on (disjunctive faceting), and the number of `filtered` documents unless
        `total` is already known."""
        parts = []
        for facet in self.filter.facets:
            narrowed = self.filtered(base, exclude=facet.parameter)
            matches = self.matches_sql if narrowed is base else None
            parts.append(
                facet.count_rows(narrowed, matches)
                .annotate(facet=Value(facet.parameter, output_field=CharField()))
                .values_list("facet", "value", "tag", "n")
            )
        if total is None:
            parts.append(
                filtered.order_by()
                .values(facet=Value(TOTAL, output_field=CharField()))
                .annotate(
                    value=Value("", output_field=CharField()),
                    tag=Value(None, output_field=IntegerField()),
                    n=Count("pk"),
                )
                .values_list("facet", "value", "tag", "n")
            )
        facets = {facet.parameter: facet for facet in self.filter.facets}
        counts = {}
        for parameter, value, tag, n in parts[0].union(*parts[1:], all=True):
            if parameter == TOTAL:
                total = n
            else:
                counts.setdefault(parameter, {})[facets[parameter].slug(value, tag)] = n
        return counts, total or 0

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
