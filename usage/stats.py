"""Reading the counters: per page (translations added to their French original), per structure
and zone, over a period. A fixed number of queries whatever the period or the number of pages:
the sums are made by the database, the pages read once per page type.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Sum
from wagtail.models import Page

from knowledge.models import KnowledgeItemPage
from network.events.models import EventPage
from network.models import OrganisationPage

from .models import DailyCount, UsageKind

KINDS = [kind.value for kind in UsageKind]


@dataclass
class PageUsage:
    page_id: int
    title: str
    page_type: str
    structure_id: int | None = None
    structure: str = ""
    zone_id: int | None = None
    zone: str = ""
    counts: Counter = field(default_factory=Counter)

    @property
    def views(self):
        return self.counts[UsageKind.VIEW.value]

    @property
    def pdf(self):
        return self.counts[UsageKind.PDF.value]

    @property
    def meetup(self):
        return self.counts[UsageKind.MEETUP.value]

    @property
    def registration(self):
        return self.counts[UsageKind.REGISTRATION.value]

    @property
    def total(self):
        return sum(self.counts.values())


def structures_pages(structure_ids):
    """Every page, in every language, of these structures: their own page, their fiches and
    practices, the events they host (one query, as a subquery of pks)."""
    structure_keys = Page.objects.filter(pk__in=structure_ids).values("translation_key")
    structures = Page.objects.filter(translation_key__in=structure_keys).values("pk")
    owned = (
        Page.objects.filter(pk__in=structures)
        | Page.objects.filter(
            pk__in=KnowledgeItemPage.objects.filter(organisation_id__in=structures).values("pk")
        )
        | Page.objects.filter(
            pk__in=EventPage.objects.filter(host_organisation_id__in=structures).values("pk")
        )
    )
    return Page.objects.filter(translation_key__in=owned.values("translation_key")).values("pk")


def zones_structures(zone_ids):
    return OrganisationPage.objects.filter(zone_id__in=zone_ids).values("pk")


def structure_of(page):
    if isinstance(page, OrganisationPage):
        return page.pk
    if isinstance(page, KnowledgeItemPage):
        return page.organisation_id
    if isinstance(page, EventPage):
        return page.host_organisation_id
    return None


def page_usage(start, end, pages=None):
    """[PageUsage] of the French originals used between `start` (included) and `end` (excluded),
    most used first; `pages` (a queryset of page pks) narrows it."""
    counters = DailyCount.objects.filter(date__gte=start, date__lt=end)
    if pages is not None:
        counters = counters.filter(page_id__in=pages)
    sums = list(counters.values("page_id", "kind").annotate(total=Sum("count")))
    if not sums:
        return []
    keys = dict(
        Page.objects.filter(pk__in={row["page_id"] for row in sums}).values_list("pk", "translation_key")
    )
    originals = {}
    candidates = Page.objects.filter(translation_key__in=set(keys.values())).defer_streamfields().specific()
    for page in candidates.select_related("locale"):
        known = originals.get(page.translation_key)
        if known is None or page.locale.language_code == settings.LANGUAGE_CODE:
            originals[page.translation_key] = page
    usage = {}
    for row in sums:
        page = originals.get(keys.get(row["page_id"]))
        if page is None:  # deleted since: its counters wait for prune_usage
            continue
        if page.pk not in usage:
            usage[page.pk] = PageUsage(
                page.pk, page.title, str(page.specific_class._meta.verbose_name), structure_of(page)
            )
        usage[page.pk].counts[row["kind"]] += row["total"]
    structure_ids = {item.structure_id for item in usage.values() if item.structure_id}
    structures = OrganisationPage.objects.filter(pk__in=structure_ids).select_related("zone")
    by_pk = {structure.pk: structure for structure in structures}
    for item in usage.values():
        structure = by_pk.get(item.structure_id)
        if structure is not None:
            item.structure = structure.title
            item.zone_id = structure.zone_id
            item.zone = structure.zone.name if structure.zone else ""
    return sorted(usage.values(), key=lambda item: (-item.total, item.title))


def totals(items):
    """The sum of each kind over `items`."""
    result = Counter({kind: 0 for kind in KINDS})
    for item in items:
        result.update(item.counts)
    return result
