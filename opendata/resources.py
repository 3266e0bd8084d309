"""One resource per public listing, built on that listing's own filter code.

A resource reads a query string exactly as its listing does (same facets, same sort, same base
queryset), so `?secteur=numerique` lists the same items in the same order on the site, in the API
and in the exports. It differs in one way: where the listing ignores an unknown value with a
notice, the API refuses it (400, with the listing's own French message), since a program would
otherwise silently read another list than the one it asked for.

Each resource turns a page of items into plain rows (dicts) in a fixed number of queries; the
rows never hold a person's e-mail address, and people are read only through `Person.objects.public()`
(consent given and dated, structure published).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _lazy

from knowledge.listing import filtered_items
from knowledge.models import KnowledgeIndexPage
from knowledge.models.tagging import (
    KnowledgePublic,
    KnowledgeSector,
    KnowledgeStructureType,
    KnowledgeTheme,
    KnowledgeZone,
)
from passerelles.fragments import default_locale
from passerelles.localized import in_visitor_language
from passerelles.vocabularies.tagging import prefetch_tags


class Refused(Exception):
    """The query string asks for something that does not exist: French messages for a 400."""

    def __init__(self, messages):
        super().__init__(messages)
        self.messages = list(messages)


def section(model):
    """The French section page of `model` (the first one in the tree), or None."""
    return model.objects.live().public().filter(locale=default_locale()).order_by("path").first()


def terms(links):
    """[{slug, label}] of prefetched tag links (e.g. `item.sector_items.all()`)."""
    return [{"slug": link.tag.slug, "label": link.tag.label} for link in links]


def term(value):
    return {"slug": value.slug, "label": value.label} if value is not None else None


def language_of(page):
    return getattr(page, "original_language", None) or page.locale.language_code


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


@dataclass
class Listed:
    """What a resource found for one query string: `items` (a sequence the paginator slices)."""

    items: object


class Resource:
    name = ""  # URL segment and export file name
    title = ""
    per_page = 12
    # The listing's query-string parameters (documented in the OpenAPI schema).
    parameters = ()

    def listing_page(self):
        return None

    def find(self, data):
        """Listed items for the query string `data`; raises Refused on unknown values."""
        raise NotImplementedError

    def one(self, pk):
        """The public item `pk` or None."""
        raise NotImplementedError

    def rows(self, items, request):
        """Plain rows of a page (or of an export) of `items`, in a fixed number of queries."""
        raise NotImplementedError


def refuse_if(messages):
    if messages:
        raise Refused(messages)


# --- Fiches and practices -------------------------------------------------------------------


class KnowledgeResource(Resource):
    name = "fiches"
    title = _lazy("Fiches actions et bonnes pratiques")
    per_page = 12
    parameters = ("type", "secteur", "public", "theme", "type-structure", "zone", "tri")

    def listing_page(self):
        return section(KnowledgeIndexPage)

    def _prepare(self, queryset):
        return queryset.select_related("organisation", "locale").prefetch_related(
            *prefetch_tags(
                KnowledgeSector, KnowledgePublic, KnowledgeTheme, KnowledgeStructureType, KnowledgeZone
            )
        )

    def find(self, data):
        index = self.listing_page()
        if index is None:
            return Listed([])
        _faceted, _base, items, _sort, messages = filtered_items(index, data)
        refuse_if(messages)
        return Listed(self._prepare(items))

    def one(self, pk):
        index = self.listing_page()
        return self._prepare(index.items().filter(pk=pk)).first() if index else None

    def rows(self, items, request):
        originals = list(items)
        shown = in_visitor_language(originals, prepare=self._prepare)
        return [
            {
                "id": original.pk,  # the French original's: the same id in every language
                "type": item.kind,
                "title": item.title,
                "summary": item.summary,
                "url": absolute(request, item.get_url(request)),
                "language": language_of(item),
                "organisation": item.organisation.title if item.organisation_id else "",
                "first_published_at": item.first_published_at,
                "last_reviewed": item.last_reviewed,
                "sectors": terms(item.sector_items.all()),
                "publics": terms(item.public_items.all()),
                "themes": terms(item.theme_items.all()),
                "structure_types": terms(item.structure_type_items.all()),
                "zones": terms(item.zone_items.all()),
            }
            for original, item in zip(originals, shown, strict=True)
        ]


RESOURCES = [KnowledgeResource()]
