"""The knowledge index listing: facets, sorting and paging read from the query string.

Everything lives in the URL so a filtered list can be shared or subscribed to as a feed.
Bad input (unknown values, page=abc, tri=<script>) is ignored with a French message, never an error.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.facets import ChoiceFacet, Facet, FacetedFilter
from passerelles.localized import in_visitor_language
from passerelles.pagination import paginate
from passerelles.vocabularies.tagging import prefetch_tags

from .models.kinds import Kind
from .models.tagging import TAGGINGS, KnowledgePublic, KnowledgeSector

PER_PAGE = 12
SORTS = {
    "recent": ("-first_published_at", "-pk"),
    "az": ("title", "pk"),
}
SORT_CHOICES = [("recent", gettext_lazy("Les plus récents")), ("az", gettext_lazy("Titre, de A à Z"))]
DEFAULT_SORT = "recent"


def knowledge_facets():
    facets = [
        ChoiceFacet(
            parameter="type",
            label=_("Type de contenu"),
            field_name="kind",
            choice_list=[(value, str(label)) for value, label in Kind.choices],
        )
    ]
    return facets + [Facet.of_tags(through) for _name, through, _vocabulary in TAGGINGS]


def filtered_items(index_page, data):
    """(faceted filter, filtered queryset, sort key, messages) for the query string `data`."""
    faceted = FacetedFilter(knowledge_facets(), data)
    messages = list(faceted.errors)
    sort = data.get("tri", DEFAULT_SORT)
    if sort not in SORTS:
        messages.append(_("Ce tri n’existe pas ; la liste est triée des plus récents aux plus anciens."))
        sort = DEFAULT_SORT
    base = index_page.items()
    items = faceted.apply(base).order_by(*SORTS[sort])
    return faceted, base, items, sort, messages


def with_card_data(queryset):
    """Prefetches what a card shows (sectors, publics) so a page of results costs fixed queries."""
    return queryset.prefetch_related(*prefetch_tags(KnowledgeSector, KnowledgePublic))


def listing_context(index_page, request):
    faceted, base, items, sort, messages = filtered_items(index_page, request.GET)
    # Counts and facets change only with a publication: remembered per index and filters.
    page_obj, page_message = paginate(
        with_card_data(items),
        request.GET.get("page"),
        PER_PAGE,
        count_key=("knowledge", index_page.pk, faceted.key()),
    )
    messages += [page_message] if page_message else []
    feed_query = request.GET.copy()
    feed_query.pop("page", None)
    return {
        "facets": faceted.remembered_facet_values("knowledge", base, index_page.pk),
        "active_filters": removal_links(request.GET, faceted.active),
        "page_obj": page_obj,
        "items": in_visitor_language(page_obj.object_list, prepare=with_card_data),
        "result_count": page_obj.paginator.count,
        "sort": sort,
        "sort_choices": SORT_CHOICES,
        "filter_messages": messages,
        "feed_query": feed_query.urlencode(),
    }


def removal_links(data, active):
    """(label, query string without that value) for every active filter, to remove them one by one."""
    links = []
    for parameter, slug, label in active:
        query = data.copy()
        query.setlist(parameter, [value for value in data.getlist(parameter) if value.strip() != slug])
        query.pop("page", None)
        links.append((label, query.urlencode()))
    return links
