"""The history of spreadsheet imports: which pages each import created, so it can be undone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportKind(models.TextChoices):
    STRUCTURES = "structures", _("Structures")
    EVENTS = "evenements", _("Événements")


class ImportStatus(models.TextChoices):
    PENDING = "attente", _("En attente de confirmation")
    DONE = "fait", _("Importé")
    UNDONE = "annule", pgettext_lazy("import", "Annulé")


class ImportBatch(models.Model):
    """One uploaded file: kept (with its bytes) while it waits for confirmation, then its pages."""

    kind = models.CharField(_("contenu"), max_length=12, choices=ImportKind.choices)
    status = models.CharField(
        _("état"), max_length=8, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importé par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    parent = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("importé sous"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    file_name = models.CharField(_("fichier"), max_length=255)
    # The file itself until the import is confirmed: the preview and the import read the same bytes.
    content = models.BinaryField(_("contenu du fichier"), blank=True, default=b"")
    row_count = models.PositiveIntegerField(_("lignes"), default=0)
    published = models.BooleanField(_("publié"), default=False)
    created_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)
    imported_at = models.DateTimeField(_("importé le"), null=True, blank=True)
    undone_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("annulé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.file_name}"


class ImportedPage(models.Model):
    """A page an import created, with the revision it created: a later revision means an edit."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision_id = models.PositiveBigIntegerField()
    line = models.PositiveIntegerField(_("ligne"))

    class Meta:
        verbose_name = _("page importée")
        verbose_name_plural = _("pages importées")
        constraints = [models.UniqueConstraint(fields=["batch", "page"], name="unique_imported_page")]

    def __str__(self):
        return f"{self.batch} — {self.line}"
