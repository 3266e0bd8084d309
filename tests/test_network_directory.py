"""The directory: structures with facets, a map fed by GeoJSON, organisation pages and suggestions."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from network.models import DirectoryPage, OrganisationPage
from network.suggestions import similar_organisations
from tests.factories_network import (
    DirectoryPageFactory,
    OrganisationPageFactory,
    PersonFactory,
    public,
    rich_text,
    sector,
    structure_type,
    zone,
)
from tests.helpers import assert_fixed_query_budget

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home):
    return DirectoryPageFactory(parent=home)


def organisation(directory, **kwargs):
    tags = {key: kwargs.pop(key) for key in ("sectors", "publics") if key in kwargs}
    return OrganisationPageFactory(parent=directory, tags=tags or None, **kwargs)


def test_directory_lists_structures_with_facets(client, directory):
    organisation(
        directory,
        title="Récup'Sambre",
        structure_type=structure_type("ei"),
        zone=zone("hainaut"),
        sectors=[sector("deee", "DEEE")],
    )
    organisation(
        directory,
        title="Clic Anderlecht",
        structure_type=structure_type("epn"),
        zone=zone("bruxelles"),
        sectors=[sector("numerique", "Numérique")],
    )
    html = client.get(directory.url).content.decode()
    assert "Récup&#x27;Sambre" in html and "Clic Anderlecht" in html
    assert "2 structures" in html
    assert 'name="secteur" value="deee"' in html and 'name="structure" value="ei"' in html

    html = client.get(directory.url + "?secteur=deee&zone=hainaut").content.decode()
    assert "Récup&#x27;Sambre" in html and "Clic Anderlecht" not in html
    assert "1 structure" in html


def test_unknown_filter_values_get_a_french_message_not_an_error(client, directory):
    organisation(directory, title="Atelier du Canal")
    for query in (
        "?secteur=inconnu",
        "?zone=%3Cscript%3E",
        "?structure=" + "x" * 5000,
        "?page=abc",
        "?page=99999",
    ):
        response = client.get(directory.url + query)
        assert response.status_code == 200, query
    html = client.get(directory.url + "?secteur=inconnu").content.decode()
    assert "n’existe pas ou plus ; il a été ignoré" in html
    assert "Atelier du Canal" in html


def test_geojson_follows_the_filters_and_skips_structures_without_coordinates(client, directory):
    organisation(directory, title="À Namur", zone=zone("namur"))
    organisation(
        directory,
        title="À Liège",
        zone=zone("liege"),
        latitude=Decimal("50.6326"),
        longitude=Decimal("5.5797"),
    )
    organisation(directory, title="Sans coordonnées", zone=zone("liege"), latitude=None, longitude=None)
    url = directory.url + directory.reverse_subpage("directory_geojson")
    response = client.get(url + "?zone=liege")
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert [feature["properties"]["title"] for feature in data["features"]] == ["À Liège"]
    assert data["features"][0]["geometry"]["coordinates"] == [5.5797, 50.6326]
    assert len(json.loads(client.get(url).content)["features"]) == 2


def test_map_page_lists_structures_for_visitors_without_javascript(client, directory):
    organisation(directory, title="Ferme du Lac", municipality="Ottignies-Louvain-la-Neuve")
    html = client.get(directory.url + "carte/").content.decode()
    assert "Carte des structures" in html
    assert "Ferme du Lac" in html and "data-directory-map" in html
    assert "vendor/leaflet/leaflet.js" in html and "carte/geojson/" in html


def test_organisation_page_renders_its_facts_people_and_similar_structures(client, directory):
    numerique = sector("numerique", "Numérique")
    page = organisation(
        directory,
        title="Clic & Cap",
        agrement_number="EPN-0347",
        sectors=[numerique],
        publics=[public("seniors", "Seniors")],
    )
    near = organisation(directory, title="Voisin numérique", zone=zone("namur"), sectors=[numerique])
    far = organisation(directory, title="Lointain numérique", zone=zone("luxembourg"), sectors=[numerique])
    organisation(directory, title="Sans rapport", sectors=[sector("horeca", "HoReCa")])
    PersonFactory(organisation=page, name="Aïcha Benali", email="aicha@clic.example")
    PersonFactory(organisation=page, name="Caché Sansaccord", consent_given=False, consent_date=None)
    html = client.get(page.url).content.decode()
    assert "EPN-0347" in html and "Numérique" in html and "Seniors" in html
    assert "Aïcha Benali" in html and "Caché Sansaccord" not in html
    assert "aicha@clic.example" not in html
    assert "Voisin numérique" in html and "Sans rapport" not in html
    assert [other.title for other in similar_organisations(page)] == [near.title, far.title]


def test_coordinates_outside_wallonia_and_brussels_are_refused(directory):
    from django.core.exceptions import ValidationError

    page = OrganisationPage(
        title="Inversée",
        slug="inversee",
        latitude=Decimal("4.86"),
        longitude=Decimal("50.46"),
        street_address="Rue 1",
        postcode="5000",
        municipality="Namur",
        structure_type=structure_type(),
        zone=zone(),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "hors de Wallonie" in str(error.value)


def test_directory_can_be_created_in_admin(admin_client_logged, home):
    url = reverse("wagtailadmin_pages:add", args=("network", "directorypage", home.pk))
    response = admin_client_logged.post(
        url,
        {
            "title": "Annuaire",
            "slug": "annuaire",
            "introduction": rich_text("Toutes les structures."),
            "compagnons_introduction": rich_text("Des pairs à rencontrer."),
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = DirectoryPage.objects.get(slug="annuaire")
    assert page.live and admin_client_logged.get(page.url).status_code == 200


def test_organisation_can_be_created_in_admin(admin_client_logged, directory):
    sector("numerique", "Numérique")
    url = reverse("wagtailadmin_pages:add", args=("network", "organisationpage", directory.pk))
    data = {
        "title": "EFT Les Jardins",
        "slug": "eft-les-jardins",
        "structure_type": structure_type("eft").pk,
        "agrement_number": "EFT-2012-027",
        "street_address": "Chaussée de Namur 150",
        "postcode": "5030",
        "municipality": "Gembloux",
        "zone": zone("namur").pk,
        "latitude": "50.5586",
        "longitude": "4.7004",
        "sectors": "Numérique",
        "publics": "",
        "website": "https://jardins.example",
        "phone": "081 61 45 73",
        "description": rich_text("Maraîchage et cuisine."),
        "action-publish": "publish",
    }
    response = admin_client_logged.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = OrganisationPage.objects.get(slug="eft-les-jardins")
    assert page.live and [tag.slug for tag in page.sectors.all()] == ["numerique"]
    assert "Gembloux" in admin_client_logged.get(page.url).content.decode()

    data.update(slug="autre", postcode="50AB", latitude="4.7")
    response = admin_client_logged.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Le code postal belge compte quatre chiffres." in html
    assert "Cette latitude est hors de Wallonie et de Bruxelles" in html
    assert not OrganisationPage.objects.filter(slug="autre").exists()


def _grow_organisations(directory):
    def grow(count):
        existing = OrganisationPage.objects.child_of(directory).count()
        for number in range(existing, count):
            page = organisation(
                directory,
                title=f"Structure {number}",
                sectors=[sector("numerique")],
                publics=[public("neet")],
            )
            if number % 3 == 0:
                PersonFactory(organisation=page, sectors=[sector("numerique")])

    return grow


def test_directory_query_budget_is_fixed(client, directory):
    assert_fixed_query_budget(
        client, directory.url + "?secteur=numerique", _grow_organisations(directory), budget=30
    )


def test_map_page_and_geojson_query_budgets_are_fixed(client, directory):
    grow = _grow_organisations(directory)
    assert_fixed_query_budget(client, directory.url + "carte/", grow, budget=30)
    assert_fixed_query_budget(client, directory.url + "carte/geojson/?zone=namur", grow, budget=15)


def test_organisation_page_query_budget_is_fixed(client, directory):
    page = organisation(directory, title="Centre", sectors=[sector("numerique")], publics=[public("neet")])

    def grow(count):
        _grow_organisations(directory)(count)
        while page.people.count() < count // 10:
            PersonFactory(organisation=page, sectors=[sector("numerique")])

    assert_fixed_query_budget(client, page.url, grow, budget=30)
