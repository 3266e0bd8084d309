"""Fiche action and bonne pratique pages: admin creation and validation, preview, rendering, query budgets."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from knowledge.models import BonnePratiquePage, FicheActionPage, KnowledgeIndexPage
from passerelles.vocabularies.models import Public, Sector
from tests.factories import StandardPageFactory
from tests.factories_knowledge import (
    BonnePratiquePageFactory,
    FicheActionPageFactory,
    KnowledgeIndexPageFactory,
)
from tests.helpers import assert_fixed_query_budget, email_addresses

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return KnowledgeIndexPageFactory(parent=home)


@pytest.fixture
def numerique():
    return Sector.objects.create(name="Numérique", slug="numerique")


def fiche_form(**overrides):
    data = {
        "title": "Un CV en carte mentale",
        "slug": "cv-carte-mentale",
        "summary": "Partir de ce que l’on sait faire pour écrire son CV.",
        "problem": rich_text("<p>Les jeunes ne savent pas quoi écrire.</p>"),
        "objectives": rich_text("<p>Un CV d’une page pour chacun.</p>"),
        "public_description": rich_text(""),
        "means": rich_text(""),
        "partners": rich_text(""),
        "lessons": rich_text(""),
        "steps": streamfield(
            [
                (
                    "step",
                    {
                        "title": "La carte",
                        "duration": "2 heures",
                        "description": rich_text("<p>Au centre, son prénom.</p>"),
                    },
                )
            ]
        ),
        "indicators": streamfield([]),
        "contacts": streamfield([]),
        "attachments": streamfield([]),
        "last_reviewed": "2026-01-15",
        "sectors": "Numérique",
        "publics": "",
        "themes": "",
        "structure_types": "",
        "zones": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(model_name, parent):
    return reverse("wagtailadmin_pages:add", args=("knowledge", model_name, parent.pk))


def test_index_can_be_created_in_admin(admin_client_logged, home):
    response = admin_client_logged.post(
        add_url("knowledgeindexpage", home),
        {
            "title": "Fiches et pratiques",
            "slug": "fiches-et-pratiques",
            "introduction": "Ce qui marche.",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = KnowledgeIndexPage.objects.get(slug="fiches-et-pratiques")
    assert page.live and "Ce qui marche." in admin_client_logged.get(page.url).content.decode()


def test_fiche_can_be_created_in_admin_with_tags(admin_client_logged, index, numerique):
    response = admin_client_logged.post(add_url("ficheactionpage", index), fiche_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    page = FicheActionPage.objects.get(slug="cv-carte-mentale")
    assert page.live and page.kind == "fiche"
    assert [sector.slug for sector in page.sectors.all()] == ["numerique"]
    html = admin_client_logged.get(page.url).content.decode()
    assert "Au centre, son prénom." in html


def test_fiche_requires_its_sections(admin_client_logged, index):
    response = admin_client_logged.post(
        add_url("ficheactionpage", index),
        fiche_form(problem=rich_text(""), steps=streamfield([]), summary=""),
    )
    assert response.status_code == 200
    assert not FicheActionPage.objects.exists()
    form = response.context["form"]
    assert {"problem", "summary", "steps"} <= set(form.errors)
    assert "Cette section est obligatoire" in response.content.decode()


def test_review_date_cannot_be_in_the_future(admin_client_logged, index, numerique):
    future = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    response = admin_client_logged.post(add_url("ficheactionpage", index), fiche_form(last_reviewed=future))
    assert response.status_code == 200
    assert "La date de relecture ne peut pas être dans le futur." in response.content.decode()
    assert not FicheActionPage.objects.exists()


def test_editors_cannot_invent_a_sector(admin_client_logged, index, numerique):
    response = admin_client_logged.post(
        add_url("ficheactionpage", index), fiche_form(sectors="Numérique, Astronautique")
    )
    assert response.status_code == 302
    page = FicheActionPage.objects.get()
    assert [sector.slug for sector in page.sectors.all()] == ["numerique"]
    assert not Sector.objects.filter(name="Astronautique").exists()


def test_pratique_can_be_created_in_admin_with_an_organisation(admin_client_logged, index, home):
    organisation = StandardPageFactory(parent=home, title="Atelier Roue Libre")
    data = nested_form_data(
        {
            "title": "Des vélos prêtés aux stagiaires",
            "slug": "velos-pretes",
            "summary": "Les vélos réparés sont prêtés aux stagiaires.",
            "context": rich_text("<p>Pas de bus le soir.</p>"),
            "practice": rich_text("<p>Un vélo prêté pour toute la formation.</p>"),
            "impact": rich_text("<p>Moins d’abandons.</p>"),
            "transfer_conditions": rich_text(""),
            "practice_organisations": inline_formset([{"organisation": str(organisation.pk)}]),
            "testimonials": streamfield(
                [("testimonial", {"quote": "J’arrive à l’heure.", "author": "Nadia", "role": "stagiaire"})]
            ),
            "contacts": streamfield([]),
            "attachments": streamfield([]),
            "last_reviewed": "2026-01-15",
            "sectors": "",
            "publics": "",
            "themes": "",
            "structure_types": "",
            "zones": "",
            "action-publish": "publish",
        }
    )
    response = admin_client_logged.post(add_url("bonnepratiquepage", index), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = BonnePratiquePage.objects.get(slug="velos-pretes")
    assert page.kind == "pratique"
    html = admin_client_logged.get(page.url).content.decode()
    assert f'<a href="{organisation.url}">Atelier Roue Libre</a>' in html
    assert "J’arrive à l’heure." in html


def test_base_page_is_not_offered_in_the_admin(index):
    from knowledge.models import KnowledgeItemPage

    assert not KnowledgeItemPage.can_create_at(index)
    assert FicheActionPage.can_create_at(index) and BonnePratiquePage.can_create_at(index)


def test_preview_of_a_new_fiche(admin_client_logged, index, numerique):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("knowledge", "ficheactionpage", index.pk))
    response = admin_client_logged.post(url, fiche_form())
    assert response.json()["is_valid"]
    html = admin_client_logged.get(url).content.decode()
    assert "Un CV en carte mentale" in html and "Au centre, son prénom." in html


def test_fiche_renders_its_sections_toc_and_contacts(client, index, numerique):
    fiche = FicheActionPageFactory(parent=index, title="Des ateliers CV", tags={"sectors": [numerique]})
    html = client.get(fiche.url).content.decode()
    for anchor, title in [
        ("probleme", "Problème rencontré"),
        ("objectifs", "Objectifs"),
        ("etapes", "Étapes"),
        ("resultats", "Résultats et indicateurs"),
        ("contacts", "Contacts"),
    ]:
        assert f'<a href="#{anchor}">{title}</a>' in html
        assert f'id="{anchor}"' in html
    assert "Nadia Lemaire" in html and "EPN de Ciney" in html
    assert 'href="tel:083210000"' in html
    assert f'href="{fiche.url}pdf/"' in html
    assert '<a class="tag" href="/fiches-et-pratiques/?secteur=numerique">Numérique</a>' in html
    assert "knowledge-print.css" in html and 'media="print"' in html
    assert "n’a pas été relu depuis" not in html


def test_stale_fiche_shows_a_freshness_notice(client, index):
    fiche = FicheActionPageFactory(
        parent=index, last_reviewed=datetime.date.today() - datetime.timedelta(days=400)
    )
    assert "n’a pas été relu depuis" in client.get(fiche.url).content.decode()


def test_pratique_renders_testimonials(client, index):
    pratique = BonnePratiquePageFactory(parent=index)
    html = client.get(pratique.url).content.decode()
    assert '<a href="#temoignages">Témoignages</a>' in html
    assert "J’ai retrouvé un rythme." in html and "Karim" in html


def test_related_content_is_ranked_by_shared_tags(client, index, numerique):
    neet = Public.objects.create(name="NEET", slug="neet")
    femmes = Public.objects.create(name="Femmes", slug="femmes")
    fiche = FicheActionPageFactory(parent=index, tags={"sectors": [numerique], "publics": [neet]})
    closest = BonnePratiquePageFactory(
        parent=index, title="Très proche", tags={"sectors": [numerique], "publics": [neet]}
    )
    near = FicheActionPageFactory(
        parent=index, title="Assez proche", tags={"sectors": [numerique], "publics": [femmes]}
    )
    FicheActionPageFactory(parent=index, title="Sans rapport", tags={"publics": [femmes]})
    html = client.get(fiche.url).content.decode()
    related = html.split('id="voir-aussi"')[1]
    assert related.index(closest.title) < related.index(near.title)
    assert "Sans rapport" not in related


def test_no_personal_email_in_contacts(client, index):
    fiche = FicheActionPageFactory(parent=index)
    assert email_addresses(client.get(fiche.url).content.decode()) == []
    assert "email" not in dict(
        FicheActionPage.contacts.field.stream_block.child_blocks["contact"].child_blocks
    )


def detail_budget(client, index, numerique, page):
    def grow(count):
        existing = FicheActionPage.objects.exclude(pk=page.pk).count()
        for _ in range(count - existing):
            FicheActionPageFactory(parent=index, tags={"sectors": [numerique]})

    return assert_fixed_query_budget(client, page.url, grow, budget=40)


def test_fiche_query_budget_is_fixed_with_related_content(client, index, numerique):
    fiche = FicheActionPageFactory(parent=index, tags={"sectors": [numerique]})
    detail_budget(client, index, numerique, fiche)


def test_pratique_query_budget_is_fixed_with_related_content(client, index, numerique, home):
    organisation = StandardPageFactory(parent=home, title="Atelier Roue Libre")
    pratique = BonnePratiquePageFactory(parent=index, tags={"sectors": [numerique]})
    pratique.practice_organisations.create(organisation=organisation)
    detail_budget(client, index, numerique, pratique)


def test_index_query_budget_is_fixed(client, index, numerique):
    def grow(count):
        for _ in range(count - FicheActionPage.objects.count()):
            FicheActionPageFactory(parent=index, tags={"sectors": [numerique]})

    assert_fixed_query_budget(client, index.url, grow, budget=30)


def test_attachments_are_listed_with_their_format(client, index):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Grille d’évaluation des ateliers", file=ContentFile(b"%PDF-1.4 grille", name="grille.pdf")
    )
    fiche = FicheActionPageFactory(
        parent=index, attachments=[("attachment", {"document": document, "title": ""})]
    )
    html = client.get(fiche.url).content.decode()
    assert '<a href="#documents">Documents</a>' in html
    assert f'<a href="{document.url}">Grille d’évaluation des ateliers</a>' in html
    assert 'block-document__meta">(PDF' in html
