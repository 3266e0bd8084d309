"""Through models tagging events with the shared vocabularies (zone, sectors, publics)."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from knowledge.models.taxonomy import Public, Sector, Zone


class EventZone(TaggedItemBase):
    tag = models.ForeignKey(Zone, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE)
    content_object = ParentalKey("events.EventPage", related_name="zone_items", on_delete=models.CASCADE)


class EventSector(TaggedItemBase):
    tag = models.ForeignKey(Sector, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE)
    content_object = ParentalKey("events.EventPage", related_name="sector_items", on_delete=models.CASCADE)


class EventPublic(TaggedItemBase):
    tag = models.ForeignKey(Public, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE)
    content_object = ParentalKey("events.EventPage", related_name="public_items", on_delete=models.CASCADE)
