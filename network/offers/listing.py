"""The filtered listing of offers: facets, the date status, sort and pagination, from a query string.

Built on the shared faceted filtering (passerelles.facets): the date status is one more facet whose
values are computed from the dates against today instead of being stored. Finished offers are
left out by default through that facet's default selection, so the counts stay honest.
"""

from dataclasses import dataclass, field

from django.db.models import Case, Count, DateField, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.facets import ChoiceFacet, Facet, FacetedFilter
from passerelles.localized import in_visitor_language
from passerelles.pagination import paginate
from passerelles.vocabularies.tagging import prefetch_tags

from .models.offer import OfferKind, OfferPage
from .models.tagging import OfferPublic, OfferSector, OfferZone

PER_PAGE = 12
STATUS_PARAMETER = "etat"
DEFAULT_STATUSES = ["en-cours", "a-venir"]
SORT_PARAMETER = "tri"
SORTS = {
    "debut": gettext_lazy("Début le plus proche"),
    "titre": gettext_lazy("Ordre alphabétique"),
    "recent": gettext_lazy("Ajout le plus récent"),
}
DEFAULT_SORT = "debut"


def status_conditions(today):
    finished = Q(end_date__lt=today)
    upcoming = Q(start_date__gt=today, permanent_entry=False) & ~finished
    return {"en-cours": ~finished & ~upcoming, "a-venir": upcoming, "terminee": finished}


@dataclass
class StatusFacet:
    """Open now (or permanent entries), upcoming, finished: the facet protocol over computed dates."""

    parameter: str = STATUS_PARAMETER
    label: str = gettext_lazy("Dates")
    today: object = field(default_factory=timezone.localdate)

    def choices(self):
        return [
            ("en-cours", _("En cours ou entrées permanentes")),
            ("a-venir", _("À venir")),
            ("terminee", _("Terminées")),
        ]

    def filter(self, queryset, slugs):
        conditions = status_conditions(self.today)
        wanted = Q()
        for slug in slugs:
            wanted |= conditions[slug]
        return queryset.filter(wanted)

    def counts(self, queryset):
        conditions = status_conditions(self.today)
        return queryset.aggregate(**{slug: Count("pk", filter=q) for slug, q in conditions.items()})


def offer_facets():
    return [
        ChoiceFacet("type", _("Type d'offre"), "kind", OfferKind.choices),
        Facet.of_tags(OfferSector),
        Facet.of_tags(OfferPublic),
        Facet.of_tags(OfferZone),
        StatusFacet(),
    ]


def with_cards_data(queryset):
    """What an offer card shows, fetched in a fixed number of queries whatever the number of offers."""
    return queryset.prefetch_related(*prefetch_tags(OfferSector, OfferZone))


def soonest_first(queryset, today=None):
    """Offers one can start now (started, permanent entries) first, then the upcoming ones by date."""
    today = today or timezone.localdate()
    next_start = Case(
        When(start_date__gt=today, permanent_entry=False, then=F("start_date")),
        default=Value(today),
        output_field=DateField(),
    )
    return queryset.annotate(next_start=next_start).order_by("next_start", "title", "pk")


def sorted_offers(queryset, sort):
    if sort == "titre":
        return queryset.order_by("title", "pk")
    if sort == "recent":
        return queryset.order_by("-first_published_at", "-pk")
    return soonest_first(queryset)


def filter_for(data):
    """The FacetedFilter of a query string; no date status asked means the default ones."""
    facet_filter = FacetedFilter(offer_facets(), data)
    asked = set(facet_filter.selected.get(STATUS_PARAMETER, DEFAULT_STATUSES))
    # Submitting the form unchanged sends the default statuses: still the default view.
    facet_filter.default_status = asked == set(DEFAULT_STATUSES)
    facet_filter.selected[STATUS_PARAMETER] = [
        slug for slug, _label in StatusFacet().choices() if slug in asked
    ]
    return facet_filter


def removal_links(data, facet_filter):
    """(label, query string without that value) for each active value the visitor asked for."""
    links = []
    for parameter, slug, label in facet_filter.active:
        if parameter == STATUS_PARAMETER and facet_filter.default_status:
            continue
        remaining = data.copy()
        remaining.setlist(parameter, [value for value in data.getlist(parameter) if value.strip() != slug])
        remaining.pop("page", None)
        links.append((label, "?" + remaining.urlencode()))
    return links


class OfferListing:
    """Everything the index page shows for one query string."""

    def __init__(self, base_queryset, data):
        self.errors = []
        self.filter = filter_for(data)
        self.errors.extend(self.filter.errors)
        self.sort = data.get(SORT_PARAMETER, DEFAULT_SORT).strip() or DEFAULT_SORT
        if self.sort not in SORTS:
            self.errors.append(_("Ce tri n’existe pas ; les offres sont triées par date de début."))
            self.sort = DEFAULT_SORT
        self.facets = self.filter.facet_values(base_queryset, in_one_query=True)
        results = with_cards_data(sorted_offers(self.filter.apply(base_queryset), self.sort))
        self.page_obj, page_message = paginate(results, data.get("page", "1"), PER_PAGE)
        self.errors += [page_message] if page_message else []
        self.offers = in_visitor_language(self.page_obj.object_list, prepare=with_cards_data)
        self.removal_links = removal_links(data, self.filter)
        kept = data.copy()
        kept.pop("page", None)
        self.feed_query = kept.urlencode()

    @property
    def sort_choices(self):
        return list(SORTS.items())


def new_offers(base_queryset, data, limit=30):
    """The most recently published offers matching the filters of `data` (for the feeds)."""
    facet_filter = filter_for(data)
    offers = facet_filter.apply(base_queryset).order_by("-first_published_at", "-pk")[:limit]
    return with_cards_data(offers)


def offers_of(organisation_page, include_finished=False):
    """The live offers of an organisation, soonest first, with what their cards show.

    Finished offers are left out unless asked: an organisation page shows what one can still join.
    Four queries whatever the number of offers (view restrictions, offers, sectors, zones).
    """
    offers = OfferPage.objects.live().public().filter(organisation=organisation_page)
    if not include_finished:
        offers = offers.exclude(status_conditions(timezone.localdate())["terminee"])
    return list(with_cards_data(soonest_first(offers)))
