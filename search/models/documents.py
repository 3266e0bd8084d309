"""One denormalised search document per public object, whatever its type.

Each registered search source (search/registry.py) turns an object into a document; the search
page then queries one model, with one set of facets, and one index.

- `title`, `body` (passages separated by new lines) and `summary` keep the text for display,
  in the document's `locale` (its language);
- `shown_in` lists the languages whose visitors see this document (" fr nl de "): a French
  original is shown in every language that has no live translation of it, a translation only in
  its own, so a search lists each content once, in the visitor's language when it exists;
- a translation also carries its French original's text (`original_title`, `original_body`),
  so a Dutch visitor typing "vélo" finds the Dutch translation of a French fiche about bikes;
- `search_title`, `search_body` and `autocomplete` hold the analysed text (search/text.py) that
  the database backends match: stems in the document's language, and in French for the original.

The full-text indexes over them (SQLite FTS5 tables, PostgreSQL tsvector columns with GIN indexes)
are created by migration 0002 and queried by search/fulltext/.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from passerelles.vocabularies.models import Public, Sector, StructureType, Theme, Zone

from ..backends import analyses_text_itself, language_codes


class SearchDocument(index.Indexed, models.Model):
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.CharField(max_length=64)
    doc_type = models.CharField(_("type"), max_length=40, db_index=True)
    locale = models.CharField(_("langue"), max_length=10, db_index=True)
    shown_in = models.CharField(_("montré en"), max_length=100, default=" fr ", db_index=True)
    title = models.CharField(_("titre"), max_length=500)
    summary = models.TextField(_("résumé"), blank=True)
    body = models.TextField(_("texte"), blank=True)
    original_title = models.CharField(_("titre de l’original"), max_length=500, blank=True)
    original_body = models.TextField(_("texte de l’original"), blank=True)
    url = models.CharField(_("adresse"), max_length=500)
    date = models.DateTimeField(_("date"), null=True, blank=True, db_index=True)
    search_title = models.TextField(blank=True)
    search_body = models.TextField(blank=True)
    autocomplete = models.TextField(blank=True)
    sectors = models.ManyToManyField(Sector, through="DocumentSector", related_name="+")
    publics = models.ManyToManyField(Public, through="DocumentPublic", related_name="+")
    zones = models.ManyToManyField(Zone, through="DocumentZone", related_name="+")
    structure_types = models.ManyToManyField(StructureType, through="DocumentStructureType", related_name="+")
    themes = models.ManyToManyField(Theme, through="DocumentTheme", related_name="+")

    # Database backends: the analysed copies (the same words on both sides, see search/text.py).
    search_fields = [
        index.SearchField("search_title", boost=5),
        index.SearchField("search_body"),
        index.AutocompleteField("autocomplete"),
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

    @classmethod
    def get_search_fields(cls):
        """Elasticsearch analyses raw text itself, one analyser per language: it gets one title and
        one text field per language (search/backends.py names their analysers)."""
        fields = super().get_search_fields()
        if not analyses_text_itself():
            return fields
        return fields + [
            field
            for code in language_codes()
            for field in (
                index.SearchField(f"title_{code}", boost=5, es_extra={"analyzer": f"passerelles_{code}"}),
                index.SearchField(f"text_{code}", es_extra={"analyzer": f"passerelles_{code}"}),
            )
        ]

    def text_in(self, language, part):
        """Raw `part` ("title" or "body") of this document written in `language`, for Elasticsearch."""
        own = getattr(self, part) if self.locale == language else ""
        original = getattr(self, f"original_{part}") if language == "fr" and self.locale != "fr" else ""
        return " ".join(text for text in (own, original) if text)


def _add_language_methods():
    """title_fr(), text_fr(), title_nl()…: the per-language values of get_search_fields()."""
    for code in language_codes():
        setattr(SearchDocument, f"title_{code}", lambda self, code=code: self.text_in(code, "title"))
        setattr(SearchDocument, f"text_{code}", lambda self, code=code: self.text_in(code, "body"))


_add_language_methods()


class DocumentTag(models.Model):
    """A link from a document to a vocabulary value; the shape site/facets.Facet expects.

    Each link table has an index on (tag, document): a facet counts its values by reading that
    index alone, in tag order, checking each document against the request's matches (no row of
    the link table nor of the document table is read: milliseconds at 100,000 documents)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.document_id} → {self.tag_id}"


class DocumentSector(DocumentTag):
    tag = models.ForeignKey(Sector, on_delete=models.CASCADE, related_name="+")

    class Meta(DocumentTag.Meta):
        indexes = [models.Index(fields=["tag", "document"], name="search_docsector_tag_doc")]


class DocumentPublic(DocumentTag):
    tag = models.ForeignKey(Public, on_delete=models.CASCADE, related_name="+")

    class Meta(DocumentTag.Meta):
        indexes = [models.Index(fields=["tag", "document"], name="search_docpublic_tag_doc")]


class DocumentZone(DocumentTag):
    tag = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="+")

    class Meta(DocumentTag.Meta):
        indexes = [models.Index(fields=["tag", "document"], name="search_doczone_tag_doc")]


class DocumentStructureType(DocumentTag):
    tag = models.ForeignKey(StructureType, on_delete=models.CASCADE, related_name="+")

    class Meta(DocumentTag.Meta):
        indexes = [models.Index(fields=["tag", "document"], name="search_docstructtype_tag_doc")]


class DocumentTheme(DocumentTag):
    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")

    class Meta(DocumentTag.Meta):
        indexes = [models.Index(fields=["tag", "document"], name="search_doctheme_tag_doc")]


# The vocabularies a source may fill, by keyword: (through model, tag model).
VOCABULARY_LINKS = {
    "sectors": (DocumentSector, Sector),
    "publics": (DocumentPublic, Public),
    "zones": (DocumentZone, Zone),
    "structure_types": (DocumentStructureType, StructureType),
    "themes": (DocumentTheme, Theme),
}
