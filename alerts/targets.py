"""What a subscription follows, read from the form's `cible` (a page id or "recherche")."""

from dataclasses import dataclass

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from wagtail.models import Page

from knowledge.livreblanc.models.recommendation import RecommendationPage
from passerelles.facets import FacetedFilter
from passerelles.localized import original_of
from search.querying import facets as search_facets

from . import searches
from .listings import active_labels, listing_of, normalised_query
from .models import Kind

SEARCH = "recherche"


@dataclass
class Target:
    kind: str
    page: object  # the French original, or None for the search
    query: str
    messages: list


def resolve(cible, filtres=""):
    """The followed target, or Http404 for an unknown id, a page that cannot be followed or an
    unpublished one. Unknown filter values are dropped with a French message."""
    cible = (cible or "").strip()
    if cible == SEARCH:
        query, messages = searches.normalised_query(filtres or "")
        return Target(Kind.SEARCH, None, query, messages)
    if not cible.isdigit() or len(cible) > 12:
        raise Http404
    page = Page.objects.live().public().filter(pk=int(cible)).first()
    if page is None:
        raise Http404
    page = original_of(page.specific)
    if isinstance(page, RecommendationPage):
        return Target(Kind.RECOMMENDATION, page, "", [])
    listing = listing_of(page)
    if listing is None:
        raise Http404
    query, messages = normalised_query(listing, filtres or "")
    return Target(Kind.LISTING, page, query, messages)


def describe(subscription):
    """(title, filter labels) of what a subscription follows, for mails and the management page."""
    if subscription.kind == Kind.SEARCH:
        data = QueryDict(subscription.query)
        text = data.get("q", "")
        title = _("Recherche « %(text)s »") % {"text": text} if text else _("Recherche")
        return title, [label for _p, _s, label in FacetedFilter(search_facets(), data).active]
    page = subscription.page.specific if subscription.page_id else None
    if page is None:
        return "", []
    listing = listing_of(page)
    labels = active_labels(listing, subscription.query) if listing and subscription.query else []
    return page.title, labels
