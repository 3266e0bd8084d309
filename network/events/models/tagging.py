"""Tag links from events to the shared vocabularies (zone, sectors, publics)."""

from passerelles.vocabularies.models import Public, Sector, Zone
from passerelles.vocabularies.tagging import tag_link

EVENT = "events.EventPage"


class EventZone(tag_link(Zone, EVENT, related_name="zone_items")):
    pass


class EventSector(tag_link(Sector, EVENT, related_name="sector_items")):
    pass


class EventPublic(tag_link(Public, EVENT, related_name="public_items")):
    pass
