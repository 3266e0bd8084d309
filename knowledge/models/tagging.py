"""Tag links from every knowledge item to the curated vocabularies.

They point at the concrete base page `KnowledgeItemPage`, so listings, facets and related content
query one table whatever the kind of item (fiche or practice).
"""

from passerelles.vocabularies.models import Public, Sector, StructureType, Theme, Zone
from passerelles.vocabularies.tagging import tag_link

ITEM = "knowledge.KnowledgeItemPage"


class KnowledgeSector(tag_link(Sector, ITEM, related_name="sector_items")):
    pass


class KnowledgePublic(tag_link(Public, ITEM, related_name="public_items")):
    pass


class KnowledgeTheme(tag_link(Theme, ITEM, related_name="theme_items")):
    pass


class KnowledgeStructureType(tag_link(StructureType, ITEM, related_name="structure_type_items")):
    pass


class KnowledgeZone(tag_link(Zone, ITEM, related_name="zone_items")):
    pass


# (manager attribute on the page, tag link model, vocabulary), in the order facets are shown.
TAGGINGS = [
    ("sectors", KnowledgeSector, Sector),
    ("publics", KnowledgePublic, Public),
    ("themes", KnowledgeTheme, Theme),
    ("structure_types", KnowledgeStructureType, StructureType),
    ("zones", KnowledgeZone, Zone),
]
