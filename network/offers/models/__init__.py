"""Offer pages (one per formation, stage or emploi d'insertion) and their filtered index."""

from .index import OffersIndexPage
from .offer import OfferKind, OfferPage
from .tagging import OfferPublic, OfferSector, OfferZone

__all__ = ["OfferKind", "OfferPage", "OfferPublic", "OfferSector", "OfferZone", "OffersIndexPage"]
