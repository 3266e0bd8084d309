"""Search documents follow the content: publish, edit, unpublish, delete, rebuild, private data."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models.signals import post_delete, post_save

from passerelles.vocabularies.models import Sector
from search import registry, signals
from search.models import SearchDocument
from search.registry import SearchSource
from tests.factories_search import document_of, publish_page

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"


def titles(client, query):
    return [document.title for document in client.get(SEARCH, {"q": query}).context["results"]]


def test_publishing_updates_the_index(client, home):
    page = publish_page(home, "Atelier de couture", text="Retouches et création.")
    assert titles(client, "couture") == ["Atelier de couture"]

    page.title = "Atelier textile"
    page.save_revision()  # a draft is not public yet
    assert titles(client, "textile") == []
    page.save_revision().publish()
    assert titles(client, "textile") == ["Atelier textile"]
    assert titles(client, "couture") == []

    page.unpublish()
    assert titles(client, "textile") == []
    assert not SearchDocument.objects.exists()

    page.save_revision().publish()
    page.delete()
    assert not SearchDocument.objects.exists()


def test_the_home_page_and_private_pages_are_not_documents(client, home):
    from wagtail.models import PageViewRestriction

    page = publish_page(home, "Espace membres", text="Réservé.")
    assert document_of(page)
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type="password", password="secret-membres"
    )  # on an ancestor: every page below becomes private at once
    assert not SearchDocument.objects.filter(source_id=str(page.pk)).exists()
    assert titles(client, "reserve") == []
    restriction.delete()
    assert titles(client, "reserve") == ["Espace membres"]
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    page.delete()  # the restriction goes with it
    assert not SearchDocument.objects.exists()
    assert not SearchDocument.objects.filter(source_id=str(home.pk)).exists()


def test_rebuild_command_shows_progress_and_rebuilds(client, home):
    for number in range(3):
        publish_page(home, f"Fiche pratique {number}", text="Mobilité des stagiaires.")
    SearchDocument.objects.all().delete()
    assert titles(client, "mobilite") == []
    out = StringIO()
    call_command("rebuild_search_documents", stdout=out)
    assert "Page 3/3" in out.getvalue()
    assert "3 documents de recherche indexés." in out.getvalue()
    assert len(titles(client, "mobilite")) == 3
    call_command("rebuild_search_documents", stdout=StringIO())  # twice: same documents
    assert SearchDocument.objects.count() == 3


def test_no_email_address_leaks_through_documents(client, home):
    publish_page(
        home,
        "Contact de l’atelier vélo",
        introduction="Écrire à marie.dupont@exemple.be pour une visite.",
        text="Ou à <a href='mailto:jean.lambert@cisp-exemple.be'>jean.lambert@cisp-exemple.be</a>.",
    )
    document = SearchDocument.objects.get()
    assert "@" not in document.body + document.search_body + document.title
    response = client.get(SEARCH, {"q": "contact atelier"})
    assert [d.title for d in response.context["results"]] == ["Contact de l’atelier vélo"]
    main = response.content.decode().split("<main")[1].split("</main>")[0]
    assert "visite" in main and "@" not in main
    suggestions = client.get("/recherche/suggestions/", {"q": "contact"})
    assert suggestions.json()["suggestions"][0]["title"] == "Contact de l’atelier vélo"
    assert "@" not in suggestions.content.decode()


class ConsentingSectorSource(SearchSource):
    """A non-page model registered the way the directory registers people: public only with
    consent (here: a description), followed on save and delete."""

    model = Sector
    type_key = "essai"
    label = "Essai"
    vocabularies = {"sectors": lambda sector: [sector]}

    def get_queryset(self):
        return Sector.objects.exclude(description="")

    def is_public(self, sector):
        return bool(sector.description)

    def body(self, sector):
        return sector.description

    def url(self, sector):
        return f"/secteurs/{sector.slug}/"


@pytest.fixture
def sector_source():
    registry.register(ConsentingSectorSource)
    signals.connect()
    yield
    registry.unregister("essai")
    post_save.disconnect(sender=Sector, dispatch_uid="search-documents-vocabularies.sector-saved")
    post_delete.disconnect(sender=Sector, dispatch_uid="search-documents-vocabularies.sector-deleted")


def test_a_non_page_source_plugs_in_with_consent_and_facets(client, home, sector_source):
    hidden = Sector.objects.create(name="Logistique", slug="logistique")
    shown = Sector.objects.create(
        name="Maraîchage", slug="maraichage", description="Légumes bio, contact@ferme.be"
    )
    assert titles(client, "maraichage") == ["Maraîchage"]
    assert titles(client, "logistique") == []
    response = client.get(SEARCH, {"q": "legume", "type": "essai", "secteur": "maraichage"})
    assert [d.title for d in response.context["results"]] == ["Maraîchage"]
    assert "contact@ferme.be" not in response.content.decode()

    hidden.description = "Magasinage et préparation de commandes."
    hidden.save()  # consent given: listed
    assert titles(client, "magasinage") == ["Logistique"]
    shown.delete()
    assert titles(client, "maraichage") == []
    out = StringIO()
    call_command("rebuild_search_documents", stdout=out)
    assert "Essai 1/1" in out.getvalue()


def test_a_page_published_in_the_admin_is_found_at_once(client, admin_client_logged, home):
    from django.urls import reverse

    url = reverse("wagtailadmin_pages:add", args=("passerelles", "standardpage", home.pk))
    response = admin_client_logged.post(
        url,
        {
            "title": "Charte du compagnonnage",
            "slug": "charte",
            "introduction": "Les engagements des structures qui accueillent des collègues.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    assert titles(client, "engagement structure") == ["Charte du compagnonnage"]


def test_moving_or_renaming_a_section_updates_the_urls_below(
    client, home, django_capture_on_commit_callbacks
):
    section = publish_page(home, "Ressources")
    other = publish_page(home, "Archives")
    page = publish_page(section, "Boîte à outils mobilité", text="Vélos, bus, covoiturage.")
    assert client.get("/recherche/suggestions/", {"q": "boite"}).json()["suggestions"][0]["url"] == (
        "/ressources/boite-a-outils-mobilite/"
    )
    section.slug = "outils"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals the new slug on commit
        section.save_revision().publish()
    assert client.get("/recherche/suggestions/", {"q": "boite"}).json()["suggestions"][0]["url"] == (
        "/outils/boite-a-outils-mobilite/"
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.move(other, pos="last-child")
    assert client.get("/recherche/suggestions/", {"q": "boite"}).json()["suggestions"][0]["url"] == (
        "/archives/boite-a-outils-mobilite/"
    )
