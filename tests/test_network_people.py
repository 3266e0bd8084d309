"""Compagnons: consent decides who is public, no person's e-mail ever leaves the admin."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from network.models import DirectoryPage, OrganisationPage, Person
from network.suggestions import compagnons_who_can_show
from tests.factories import StandardPageFactory
from tests.factories_network import (
    DirectoryPageFactory,
    OrganisationPageFactory,
    PersonFactory,
    meetup_format,
    sector,
    zone,
)
from tests.helpers import assert_fixed_query_budget, email_addresses

pytestmark = pytest.mark.django_db
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SITE_ADDRESSES = {"noreply@passerelles.be", "contact@passerelles.be"}


@pytest.fixture
def directory(home):
    return DirectoryPageFactory(parent=home)


def test_consent_decides_who_is_public(client, directory):
    organisation = OrganisationPageFactory(parent=directory, title="Ressourcerie")
    shown = PersonFactory(organisation=organisation, name="Véronique Lacroix")
    refused = PersonFactory(
        organisation=organisation, name="Anne Refus", consent_given=False, consent_date=None
    )
    undated = PersonFactory(organisation=organisation, name="Antoine Sansdate", consent_date=None)
    hidden_org = OrganisationPageFactory(parent=directory, title="Brouillon", live=False)
    unpublished = PersonFactory(organisation=hidden_org, name="Paul Brouillon")

    assert client.get(directory.person_url(shown)).status_code == 200
    for person in (refused, undated, unpublished):
        assert client.get(directory.person_url(person)).status_code == 404, person.name
    urls = [
        directory.url + "compagnons/",
        directory.url + "compagnons/?q=Refus",
        directory.url + "compagnons/?q=Antoine",
        organisation.url,
        directory.url,
        directory.url + "carte/geojson/",
        "/recherche/?q=Refus",
    ]
    for url in urls:
        html = client.get(url).content.decode()
        for person in (refused, undated, unpublished):
            assert person.name not in html, (url, person.name)
    assert "Véronique Lacroix" in client.get(directory.url + "compagnons/?q=lacroix").content.decode()


def test_profile_slug_is_canonical(client, directory):
    person = PersonFactory(organisation=OrganisationPageFactory(parent=directory), name="Élodie Franck")
    url = directory.url + f"compagnons/{person.pk}-mauvais-nom/"
    response = client.get(url)
    assert response.status_code == 301 and response["Location"].endswith(f"/{person.pk}-elodie-franck/")


def test_compagnons_listing_filters_by_sector_zone_and_format(client, directory):
    batiment = sector("batiment", "Bâtiment")
    mons = OrganisationPageFactory(parent=directory, zone=zone("hainaut"))
    liege = OrganisationPageFactory(parent=directory, zone=zone("liege"))
    PersonFactory(organisation=mons, name="Didier Mahieu", sectors=[batiment], formats=[meetup_format()])
    PersonFactory(organisation=liege, name="Hakan Yilmaz", sectors=[batiment])
    PersonFactory(organisation=mons, name="Fatima Ouali", sectors=[sector("nettoyage", "Nettoyage")])
    html = client.get(directory.url + "compagnons/?secteur=batiment&zone=hainaut").content.decode()
    assert "Didier Mahieu" in html and "Hakan Yilmaz" not in html and "Fatima Ouali" not in html
    html = client.get(directory.url + "compagnons/?format=visite-sur-site").content.decode()
    assert "Didier Mahieu" in html and "Hakan Yilmaz" not in html
    html = client.get(directory.url + "compagnons/?zone=atlantide&q=" + "%3Cb%3E" * 100).content.decode()
    assert "n’existe pas ou plus" in html


def test_compagnons_who_can_show_a_practice_nearest_first(client, directory, rf):
    zone("bruxelles")
    practice = StandardPageFactory(parent=directory.get_parent(), title="Atelier vélo partagé")
    far = PersonFactory(
        organisation=OrganisationPageFactory(parent=directory, zone=zone("luxembourg")),
        name="Caroline Loin",
        practices=[practice],
    )
    near = PersonFactory(
        organisation=OrganisationPageFactory(parent=directory, zone=zone("brabant-wallon")),
        name="Claire Proche",
        practices=[practice],
    )
    PersonFactory(
        organisation=near.organisation, name="Nico Refus", consent_given=False, practices=[practice]
    )
    PersonFactory(organisation=near.organisation, name="Sans Lien")
    assert compagnons_who_can_show(practice, zone="bruxelles") == [near, far]
    assert compagnons_who_can_show(practice, zone=zone("luxembourg")) == [far, near]
    html = Template("{% load network_tags %}{% compagnons_for_practice practice 'bruxelles' %}").render(
        Context({"practice": practice, "request": rf.get("/")})
    )
    assert "Qui peut me montrer cette pratique ?" in html
    assert html.index("Claire Proche") < html.index("Caroline Loin")
    assert "Nico Refus" not in html and "Sans Lien" not in html and email_addresses(html) == []
    assert directory.person_url(near) in html


def test_person_can_be_created_in_admin_and_consent_needs_a_date(admin_client_logged, directory):
    organisation = OrganisationPageFactory(parent=directory)
    sector("numerique", "Numérique")
    url = reverse("wagtailsnippets_network_person:add")
    data = {
        "organisation": organisation.pk,
        "name": "Laura Gilson",
        "role": "Coordinatrice",
        "expertise": "Reconditionner des ordinateurs.",
        "sectors": "Numérique",
        "formats": [meetup_format().pk],
        "languages": "français",
        "availability": "Le lundi",
        "email": "laura@epn.example",
        "consent_given": "on",
        "consent_date": "",
    }
    response = admin_client_logged.post(url, data)
    assert response.status_code == 200
    assert "Indiquez la date à laquelle la personne a donné son consentement." in response.content.decode()
    assert not Person.objects.exists()
    data["consent_date"] = "2026-02-01"
    data["action-publish"] = "1"  # compagnons are moderated: an administrator publishes at once
    response = admin_client_logged.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Person.objects.get()
    assert person.is_public and [tag.slug for tag in person.sectors.all()] == ["numerique"]
    assert admin_client_logged.get(directory.person_url(person)).status_code == 200


def test_compagnons_listing_query_budget_is_fixed(client, directory):
    organisation = OrganisationPageFactory(parent=directory)

    def grow(count):
        for _ in range(Person.objects.count(), count):
            PersonFactory(organisation=organisation, sectors=[sector("numerique")], formats=[meetup_format()])

    assert_fixed_query_budget(client, directory.url + "compagnons/?secteur=numerique", grow, budget=25)


def test_no_person_email_in_any_public_response_of_the_demo(client, demo_content):
    directory = DirectoryPage.objects.get(slug="annuaire")
    people = list(Person.objects.all())
    assert len(people) >= 30 and OrganisationPage.objects.live().count() >= 25
    hidden = [person for person in people if not person.is_public]
    assert hidden, "la démo doit contenir des personnes sans consentement"
    urls = [page.url for page in directory.get_site().root_page.get_descendants(inclusive=True).live()]
    urls += [directory.person_url(person) for person in people if person.is_public]
    base = directory.url
    urls += [
        base + suffix
        for suffix in (
            "carte/",
            "carte/geojson/",
            "compagnons/",
            "compagnons/?secteur=batiment&zone=hainaut",
            "compagnons/?q=formation",
            "?structure=cisp&zone=liege",
            "carte/geojson/?secteur=deee",
            "compagnons/?page=2",
            "?page=2",
        )
    ] + ["/recherche/?q=compagnon", "/recherche/?q=Delvaux"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        leaked = set(EMAIL.findall(body)) - SITE_ADDRESSES
        assert not leaked, f"{url} montre {leaked}"
        for person in hidden:
            assert person.name not in body, f"{url} montre {person.name} sans consentement"
    for person in hidden:
        assert client.get(directory.url + f"compagnons/{person.pk}-{person.slug}/").status_code == 404
