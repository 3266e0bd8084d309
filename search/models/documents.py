"""One denormalised search document per public object, whatever its type.

Each registered search source (search/registry.py) turns an object into a document; the search
page then queries one model, with one set of facets, and one index. `search_title` and
`search_body` hold the analysed text (accent-folded, lightly stemmed, and on PostgreSQL the
language's own snowball stems); `title` and `body` keep the original text for display.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from passerelles.vocabularies.models import Public, Sector, StructureType, Theme, Zone


class SearchDocument(index.Indexed, models.Model):
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.CharField(max_length=64)
    doc_type = models.CharField(_("type"), max_length=40, db_index=True)
    locale = models.CharField(_("langue"), max_length=10, db_index=True)
    title = models.CharField(_("titre"), max_length=500)
    body = models.TextField(_("texte"), blank=True)
    url = models.CharField(_("adresse"), max_length=500)
    date = models.DateTimeField(_("date"), null=True, blank=True, db_index=True)
    search_title = models.TextField(blank=True)
    search_body = models.TextField(blank=True)
    sectors = models.ManyToManyField(Sector, through="DocumentSector", related_name="+")
    publics = models.ManyToManyField(Public, through="DocumentPublic", related_name="+")
    zones = models.ManyToManyField(Zone, through="DocumentZone", related_name="+")
    structure_types = models.ManyToManyField(StructureType, through="DocumentStructureType", related_name="+")
    themes = models.ManyToManyField(Theme, through="DocumentTheme", related_name="+")

    # Only the analysed copies are indexed: the backend sees folded words on both sides.
    search_fields = [
        index.SearchField("search_title", boost=5),
        index.SearchField("search_body"),
        index.AutocompleteField("search_title"),
        index.FilterField("doc_type"),
        index.FilterField("locale"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("document de recherche")
        verbose_name_plural = _("documents de recherche")
        constraints = [
            models.UniqueConstraint(fields=["source_type", "source_id"], name="search_document_unique_source")
        ]

    def __str__(self):
        return self.title


class DocumentTag(models.Model):
    """A link from a document to a vocabulary value; the shape site/facets.Facet expects."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.document_id} → {self.tag_id}"


class DocumentSector(DocumentTag):
    tag = models.ForeignKey(Sector, on_delete=models.CASCADE, related_name="+")


class DocumentPublic(DocumentTag):
    tag = models.ForeignKey(Public, on_delete=models.CASCADE, related_name="+")


class DocumentZone(DocumentTag):
    tag = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="+")


class DocumentStructureType(DocumentTag):
    tag = models.ForeignKey(StructureType, on_delete=models.CASCADE, related_name="+")


class DocumentTheme(DocumentTag):
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")


# The vocabularies a source may fill, by keyword: (through model, tag model).
VOCABULARY_LINKS = {
    "sectors": (DocumentSector, Sector),
    "publics": (DocumentPublic, Public),
    "zones": (DocumentZone, Zone),
    "structure_types": (DocumentStructureType, StructureType),
    "themes": (DocumentTheme, Theme),
}
