"""Tag links from offers to the shared vocabularies (sectors, publics, zones)."""

from passerelles.vocabularies.models import Public, Sector, Zone
from passerelles.vocabularies.tagging import tag_link

OFFER = "offers.OfferPage"


class OfferSector(tag_link(Sector, OFFER, related_name="sector_items")):
    pass


class OfferPublic(tag_link(Public, OFFER, related_name="public_items")):
    pass


class OfferZone(tag_link(Zone, OFFER, related_name="zone_items")):
    pass
