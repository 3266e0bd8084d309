"""Engines that need no particular database: Wagtail's search API, and a plain `icontains` match.

`WagtailEngine` keeps the backend configuration (Elasticsearch, OpenSearch, Wagtail's database
backend): it asks for the best MAX_MATCHES documents in the visitor's language or in French, then
keeps those shown in the visitor's language. On Elasticsearch the raw query goes to the
per-language fields, each with its language's analyser (search/backends.py); elsewhere the site's
analysed words go to the analysed fields. Facets count these MAX_MATCHES documents only.
"""

from django.db.models import Case, F, IntegerField, Q, Value, When
from wagtail.search.backends import get_search_backend

from ..backends import analyses_text_itself
from ..models import SearchDocument
from .terms import default_language, match_for

# Elasticsearch's default max_result_window: the most one request may page through.
MAX_MATCHES = 10_000
# What a suggestion shows: not the texts.
SUGGESTED_FIELDS = ("title", "url", "doc_type")


def shown_in(language):
    return SearchDocument.objects.filter(shown_in__contains=f" {language} ")


def searched_languages(language):
    return list(dict.fromkeys([language, default_language()]))


class WagtailEngine:
    name = "wagtail"

    def prepare(self, query, language):
        match = match_for(query, language)
        if not match:
            return match
        backend = get_search_backend()
        candidates = SearchDocument.objects.filter(locale__in=searched_languages(language)).only("pk")
        if analyses_text_itself():
            results = backend.search(query, candidates, fields=elasticsearch_fields(language), operator="or")
        else:
            results = backend.search(" ".join(match.terms), candidates, operator="or")
        match.ids = [document.pk for document in results[:MAX_MATCHES]]
        return match

    def documents(self, match):
        return shown_in(match.language).filter(pk__in=match.ids)

    def ranked_ids(self, match, restrict, total, offset, limit):
        kept = set((restrict if restrict is not None else self.documents(match)).values_list("pk", flat=True))
        return [pk for pk in match.ids if pk in kept][offset : offset + limit]

    def suggestions(self, query, language, limit):
        match = match_for(query, language)
        if not match:
            return []
        candidates = SearchDocument.objects.filter(locale__in=searched_languages(language)).only("pk")
        words = " ".join(group[0] for group in match.prefixes)
        found = [document.pk for document in get_search_backend().autocomplete(words, candidates)[:50]]
        kept = shown_in(language).filter(pk__in=found).only(*SUGGESTED_FIELDS).in_bulk()
        return [kept[pk] for pk in found if pk in kept][:limit]


def elasticsearch_fields(language):
    """The per-language fields of SearchDocument.get_search_fields() a visitor's query goes to."""
    return [f"{part}_{code}" for code in searched_languages(language) for part in ("title", "text")]


class SimpleEngine:
    """The last resort: any word of the query inside the analysed text, title matches first."""

    name = "simple"

    def prepare(self, query, language):
        return match_for(query, language)

    def documents(self, match):
        condition = Q()
        for term in match.terms:
            condition |= Q(search_title__icontains=term) | Q(search_body__icontains=term)
        return shown_in(match.language).filter(condition)

    def ranked_ids(self, match, restrict, total, offset, limit):
        in_title = Q()
        for term in match.terms:
            in_title |= Q(search_title__icontains=term)
        documents = restrict if restrict is not None else self.documents(match)
        ranked = documents.annotate(
            in_title=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
        ).order_by("-in_title", F("date").desc(nulls_last=True), "-pk")
        return list(ranked.values_list("pk", flat=True)[offset : offset + limit])

    def suggestions(self, query, language, limit):
        match = match_for(query, language)
        if not match:
            return []
        documents = shown_in(language)
        for group in match.prefixes:
            condition = Q()
            for prefix in group:
                condition |= Q(autocomplete__startswith=prefix) | Q(autocomplete__contains=f" {prefix}")
            documents = documents.filter(condition)
        ordered = documents.order_by(F("date").desc(nulls_last=True), "-pk")
        return list(ordered.only(*SUGGESTED_FIELDS)[:limit])
