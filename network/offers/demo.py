"""Demo offers from fixtures/offers.json, with dates computed from today so the demo stays current.

Each offer names its organisation by slug (`organisation_slug`); it is linked when the directory
holds a page with that slug, and left empty otherwise. Offers are found again by their slug.
"""

from datetime import timedelta

from django.utils import timezone

from passerelles.demo_loading import stream
from passerelles.vocabularies.models import Public, Sector, Zone

from .models import OfferPage, OfferPublic, OfferSector, OffersIndexPage, OfferZone

TAGGING = {
    "sectors": ("sector_items", OfferSector, Sector),
    "publics": ("public_items", OfferPublic, Public),
    "zones": ("zone_items", OfferZone, Zone),
}
TEXT_FIELDS = [
    "kind",
    "summary",
    "who_can_apply",
    "prerequisites",
    "duration",
    "hours_per_week",
    "permanent_entry",
    "street_address",
    "postcode",
    "municipality",
    "remuneration",
    "how_to_apply",
    "apply_url",
    "apply_phone",
    "search_description",
]


def load(loader):
    data = loader.read_json("offers.json")
    index_data = data["index"]
    loader.progress("Offres pour stagiaires")
    index = loader.upsert_page(
        loader.home,
        OffersIndexPage,
        index_data["slug"],
        title=index_data["title"],
        introduction=index_data["introduction"],
        search_description=index_data.get("search_description", ""),
        show_in_menus=True,
    )
    today = timezone.localdate()
    for entry in loader.step("offres", data["offers"]):
        loader.upsert_page(index, OfferPage, entry["slug"], **offer_fields(loader, entry, today))


def offer_fields(loader, entry, today):
    fields = {"title": entry["title"]}
    fields.update({name: entry[name] for name in TEXT_FIELDS if name in entry})
    for name in ("start", "end"):
        days = entry.get(f"{name}_in_days")
        fields[f"{name}_date"] = today + timedelta(days=days) if days is not None else None
    for key, (relation, through, vocabulary) in TAGGING.items():
        tags = vocabulary.objects.canonical().filter(slug__in=entry.get(key, []))
        fields[relation] = [through(tag=tag) for tag in tags]
    slug = entry.get("organisation_slug")
    fields["organisation"] = loader.page_by_slug(slug) if slug else None
    fields["testimonials"] = stream(
        [{"type": "testimonial", "value": value} for value in entry.get("testimonials", [])]
    )
    return fields
