"""The PDF download is a real PDF, named after the slug, with the fiche's title and sections in its text."""

import io

import pytest
from pypdf import PdfReader

from tests.factories_knowledge import (
    BonnePratiquePageFactory,
    FicheActionPageFactory,
    KnowledgeIndexPageFactory,
)
from tests.helpers import is_tagged

pytestmark = pytest.mark.django_db


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_fiche_pdf_is_a_real_pdf_with_its_title(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    fiche = FicheActionPageFactory(parent=index, title="Un CV en carte mentale", slug="cv-carte-mentale")
    response = client.get(fiche.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="cv-carte-mentale.pdf"'
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response)
    assert "Un CV en carte mentale" in text
    assert "Problème rencontré" in text and "Accueil du groupe" in text
    assert "Nadia Lemaire" in text


def test_fiche_pdf_is_tagged_and_links_to_the_public_site(client, home):
    from wagtail.models import Site

    # The public address is the Site's, whatever internal host the PDF was asked through.
    Site.objects.filter(is_default_site=True).update(hostname="passerelles.example.org", port=80)
    index = KnowledgeIndexPageFactory(parent=home)
    fiche = FicheActionPageFactory(parent=index, title="Un CV en carte mentale", slug="cv-carte-mentale")
    response = client.get(fiche.url + "pdf/", HTTP_HOST="127.0.0.1:8000")
    assert is_tagged(response)
    text = pdf_text(response)
    assert "Source : http://passerelles.example.org/" in text and "localhost" not in text


def test_pratique_pdf_has_its_testimonials(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    pratique = BonnePratiquePageFactory(parent=index, title="Des vélos prêtés aux stagiaires")
    text = pdf_text(client.get(pratique.url + "pdf/"))
    assert "Des vélos prêtés aux stagiaires" in text and "J’ai retrouvé un rythme." in text


def test_unknown_sub_route_is_a_404(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    fiche = FicheActionPageFactory(parent=index)
    assert client.get(fiche.url + "pdf/autre/").status_code == 404


def test_pdf_is_built_once_per_publication_and_served_from_its_file(client, home, monkeypatch):
    from django.core.files.storage import default_storage

    from knowledge import pdf_files

    index = KnowledgeIndexPageFactory(parent=home)
    fiche = FicheActionPageFactory(parent=index, title="Un CV en carte mentale")
    first = client.get(fiche.url + "pdf/")
    stored = pdf_files.pdf_name(fiche, "fr")
    assert default_storage.exists(stored)

    def no_rendering(*args, **kwargs):
        raise AssertionError("PDF rendu à nouveau")

    monkeypatch.setattr(pdf_files, "render_pdf", no_rendering)
    assert client.get(fiche.url + "pdf/").content == first.content  # the stored file
    monkeypatch.undo()

    fiche.title = "Un CV en carte mentale, revu"
    fiche.save_revision().publish()
    fiche.refresh_from_db()
    assert "Un CV en carte mentale, revu" in pdf_text(client.get(fiche.url + "pdf/"))
    assert not default_storage.exists(stored)  # the previous publication's file is removed


def test_the_background_task_writes_the_pdf_the_download_serves(client, home, monkeypatch):
    from knowledge import pdf_files

    index = KnowledgeIndexPageFactory(parent=home)
    fiche = FicheActionPageFactory(parent=index, title="Un atelier préparé en tâche de fond")
    pdf_files.build_pdf.call(fiche.pk, "fr", "http://testserver")

    def no_rendering(*args, **kwargs):
        raise AssertionError("PDF rendu pendant la requête")

    monkeypatch.setattr(pdf_files, "render_pdf", no_rendering)
    assert "Un atelier préparé en tâche de fond" in pdf_text(client.get(fiche.url + "pdf/"))
