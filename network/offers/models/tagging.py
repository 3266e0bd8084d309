"""Through models tagging an offer with the curated vocabularies (sectors, publics, zones)."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from knowledge.models.taxonomy import Public, Sector, Zone


class OfferSector(TaggedItemBase):
    tag = models.ForeignKey(Sector, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE)
    content_object = ParentalKey("offers.OfferPage", related_name="sector_items", on_delete=models.CASCADE)


class OfferPublic(TaggedItemBase):
    tag = models.ForeignKey(Public, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE)
    content_object = ParentalKey("offers.OfferPage", related_name="public_items", on_delete=models.CASCADE)


class OfferZone(TaggedItemBase):
    tag = models.ForeignKey(Zone, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE)
    content_object = ParentalKey("offers.OfferPage", related_name="zone_items", on_delete=models.CASCADE)
