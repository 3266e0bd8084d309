"""Backups: `backup_site` then `restore_site` give back an identical site, database and media,
even with Wagtail's history naming a page deleted since (where a natural-key dump fails)."""

import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot(pages):
    """What a visitor and an editor would notice: every row count, pages and their rendering."""
    # Rendered first: a page's first rendering creates the site settings rows.
    client = Client()
    rendered = {page.url_path: client.get(page.url).content.decode() for page in pages}
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "axes", "wagtailsearch", "search"}
    }
    tree = list(Page.objects.order_by("path").values_list("pk", "path", "title", "live", "url_path"))
    document = get_document_model().objects.get()
    media = hashlib.sha256(Path(document.file.path).read_bytes()).hexdigest()
    return counts, tree, rendered, media


def test_backup_and_restore_give_back_an_identical_site(home, tmp_path):
    about = StandardPageFactory(parent=home, title="Qui sommes-nous", slug="qui")
    legal = StandardPageFactory(parent=home, title="Mentions légales", slug="mentions")
    gone = StandardPageFactory(parent=home, title="Page supprimée", slug="supprimee")
    PageLogEntry.objects.log_action(gone, "wagtail.edit")
    gone.delete()  # its history entries stay, pointing to a page that no longer exists
    document = get_document_model()(title="Rapport annuel")
    document.file.save("rapport-annuel.pdf", ContentFile(b"%PDF-1.4 rapport de Passerelles"), save=True)
    pages = [home, about, legal]
    before = snapshot(pages)
    archive = tmp_path / "sauvegarde.tar.gz"
    call_command("backup_site", str(archive))

    # Disaster: pages changed and deleted, the media file lost.
    about.title = "Modifiée par erreur"
    about.save_revision().publish()
    legal.delete()
    Path(document.file.path).unlink()

    call_command("restore_site", str(archive))
    after = snapshot(pages)
    counts_before, counts_after = before[0], after[0]
    assert {
        label: (n, counts_after.get(label))
        for label, n in counts_before.items()
        if counts_after.get(label) != n
    } == {}
    assert after[1:] == before[1:]
    assert PageLogEntry.objects.filter(page_id=gone.pk).exists()
