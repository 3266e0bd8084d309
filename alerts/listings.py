"""The listings one can follow, each read through its own app's filtering code.

A listing is a Wagtail page (knowledge index, directory, agenda or calendar, offers index); its
adapter says which facets read its query string and which items it lists. The digest builder
uses exactly these (`FacetedFilter` over the listing's facets, the listing's base queryset), so
a digest holds what the listing shows with the same filters.
"""

from dataclasses import dataclass

from django.http import QueryDict

from knowledge.listing import knowledge_facets
from knowledge.models.pages import KnowledgeIndexPage
from network.events.listing import event_facets
from network.events.models.pages import AgendaPage, CalendarPage
from network.listing import organisation_facets, organisations_for
from network.models.directory import DirectoryPage
from network.offers.listing import DEFAULT_STATUSES, STATUS_PARAMETER, StatusFacet, offer_facets
from network.offers.models.index import OffersIndexPage
from passerelles.facets import FacetedFilter

# Parameters of a listing's URL that are not filters: kept out of a subscription.
NOT_FILTERS = {"page", "tri", "mois"}
MAX_QUERY_LENGTH = 2000


@dataclass(frozen=True)
class Listing:
    key: str
    facets: callable  # () -> the listing's facets
    items: callable  # (listing page) -> the queryset the listing filters

    def facet_filter(self, data, facets=None):
        """The listing's FacetedFilter for `data`; `facets` lets the digest builder pass facets
        whose choices were read once for every subscription."""
        facet_filter = FacetedFilter(facets if facets is not None else self.facets(), data)
        if self.key == "offers":
            # As network.offers.listing.filter_for: no date status asked means the default ones.
            asked = set(facet_filter.selected.get(STATUS_PARAMETER, DEFAULT_STATUSES))
            facet_filter.selected[STATUS_PARAMETER] = [
                slug for slug, _label in StatusFacet().choices() if slug in asked
            ]
        return facet_filter


LISTINGS = {
    KnowledgeIndexPage: Listing("knowledge", knowledge_facets, lambda page: page.items()),
    DirectoryPage: Listing("directory", organisation_facets, organisations_for),
    AgendaPage: Listing("agenda", event_facets, lambda page: page.events().public()),
    CalendarPage: Listing("agenda", event_facets, lambda page: page.events().public()),
    OffersIndexPage: Listing("offers", offer_facets, lambda page: page.offers()),
}


def listing_of(page):
    """The adapter of a (specific) page, or None when the page is not a followable listing."""
    return LISTINGS.get(type(page))


def normalised_query(listing, raw):
    """(query string, messages): only the listing's known filter values, sorted, so the same
    filters always give the same subscription. Unknown values are dropped with a French message."""
    data = QueryDict(raw[:MAX_QUERY_LENGTH] if raw else "")
    facet_filter = listing.facet_filter(data)
    pairs = []
    for parameter, slugs in sorted(facet_filter.selected.items()):
        if listing.key == "offers" and parameter == STATUS_PARAMETER and set(slugs) == set(DEFAULT_STATUSES):
            continue  # the default view, as the listing's own form sends it
        pairs += [(parameter, slug) for slug in sorted(slugs)]
    query = QueryDict(mutable=True)
    for parameter, slug in pairs:
        query.appendlist(parameter, slug)
    return query.urlencode(), list(facet_filter.errors)


def active_labels(listing, query, facets=None):
    """The labels of the filters of a stored query, for mails and the management page."""
    return [label for _parameter, _slug, label in listing.facet_filter(QueryDict(query), facets).active]
