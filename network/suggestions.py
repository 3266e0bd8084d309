"""Peers to suggest: similar structures, and the compagnons who can show a given practice.

Both run a fixed number of queries: candidates come in one query, distances between zone
centres (Zone.distance_km) are computed in Python on the already loaded zones.
"""

from django.db.models import Count, Q

from passerelles.fragments import default_locale
from passerelles.localized import in_visitor_language
from passerelles.vocabularies.models import Zone

from .models.people import Person

SIMILAR_LIMIT = 4
CANDIDATES = 60
FAR = 10_000  # km: unknown distances sort last


def _distance(zone, other):
    if zone is None or other is None:
        return FAR
    if zone.pk == other.pk:
        return 0
    distance = zone.distance_km(other)
    return FAR if distance is None else distance


def similar_organisations(organisation, limit=SIMILAR_LIMIT):
    """Live structures sharing sectors or publics, most shared first, then nearest zone first.
    Ranked among the French originals (never the structure's own translations, never one
    structure twice), each shown in the visitor's language when translated."""
    sector_ids = list(organisation.sector_items.values_list("tag_id", flat=True))
    public_ids = list(organisation.public_items.values_list("tag_id", flat=True))
    if not sector_ids and not public_ids:
        return []
    candidates = (
        # The organisation's own class: this module is imported by the organisation model.
        type(organisation)
        .objects.live()
        .public()
        .filter(locale=default_locale())
        .exclude(translation_key=organisation.translation_key)
        .filter(Q(sector_items__tag_id__in=sector_ids) | Q(public_items__tag_id__in=public_ids))
        .annotate(
            shared_sectors=Count(
                "sector_items", filter=Q(sector_items__tag_id__in=sector_ids), distinct=True
            ),
            shared_publics=Count(
                "public_items", filter=Q(public_items__tag_id__in=public_ids), distinct=True
            ),
        )
        .select_related("structure_type", "zone")
        .order_by("-shared_sectors", "-shared_publics", "title")[:CANDIDATES]
    )
    ranked = sorted(
        candidates,
        key=lambda other: (
            -(other.shared_sectors + other.shared_publics),
            _distance(organisation.zone, other.zone),
            other.title,
        ),
    )
    return in_visitor_language(
        ranked[:limit], prepare=lambda shown: shown.select_related("structure_type", "zone")
    )


def compagnons_who_can_show(practice_page, zone=None):
    """Consenting people linked to `practice_page`, nearest first to `zone` (a Zone or a slug)."""
    if isinstance(zone, str):
        zone = Zone.objects.canonical().filter(slug=zone).first()
    people = list(
        Person.objects.public()
        .filter(practices=practice_page)
        .select_related("organisation__zone", "organisation__structure_type", "photo")
        .prefetch_related("formats")
        .distinct()
    )
    people.sort(key=lambda person: (_distance(zone, person.organisation.zone), person.name))
    return people
