"""Through models tagging every knowledge item with the curated vocabularies.

They point at the concrete base page `KnowledgeItemPage`, so listings, facets and related content
query one table whatever the kind of item (fiche or practice).
"""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from .taxonomy import Public, Sector, StructureType, Theme, Zone


def _through(name, tag_model, related_name):
    return type(
        name,
        (TaggedItemBase,),
        {
            "__module__": __name__,
            "tag": models.ForeignKey(
                tag_model, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE
            ),
            "content_object": ParentalKey(
                "knowledge.KnowledgeItemPage", related_name=related_name, on_delete=models.CASCADE
            ),
        },
    )


KnowledgeSector = _through("KnowledgeSector", Sector, "sector_items")
KnowledgePublic = _through("KnowledgePublic", Public, "public_items")
KnowledgeTheme = _through("KnowledgeTheme", Theme, "theme_items")
KnowledgeStructureType = _through("KnowledgeStructureType", StructureType, "structure_type_items")
KnowledgeZone = _through("KnowledgeZone", Zone, "zone_items")

# (manager attribute on the page, through model, tag model), in the order facets are shown.
TAGGINGS = [
    ("sectors", KnowledgeSector, Sector),
    ("publics", KnowledgePublic, Public),
    ("themes", KnowledgeTheme, Theme),
    ("structure_types", KnowledgeStructureType, StructureType),
    ("zones", KnowledgeZone, Zone),
]
