"""Offer pages and their index: created in the admin, rendered, validated, within a fixed query budget."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from network.offers.listing import offers_of
from network.offers.models import OfferPage, OffersIndexPage
from passerelles.vocabularies.models import Public, Sector, Zone
from tests.factories import StandardPageFactory
from tests.factories_offers import OfferPageFactory, OffersIndexPageFactory
from tests.helpers import assert_fixed_query_budget, count_queries, email_addresses

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def vocabularies(db):
    return {
        "velo": Sector.objects.create(name="Réparation vélos", slug="reparation-velos"),
        "numerique": Sector.objects.create(name="Numérique", slug="numerique"),
        "neet": Public.objects.create(name="NEET", slug="neet"),
        "hainaut": Zone.objects.create(name="Hainaut", slug="hainaut"),
    }


@pytest.fixture
def index(home):
    return OffersIndexPageFactory(parent=home)


def offer_form(**overrides):
    data = {
        "title": "Mécanicien·ne cycles",
        "slug": "mecanicien-cycles",
        "kind": "formation",
        "summary": "Réparer des vélos de seconde main en atelier.",
        "sectors": '"Réparation vélos"',  # the tag widget quotes names with spaces
        "publics": "NEET",
        "zones": "Hainaut",
        "who_can_apply": "Demandeurs d’emploi inscrits au Forem.",
        "prerequisites": "Aucun.",
        "duration": "14 semaines",
        "hours_per_week": "30",
        "start_date": (TODAY + datetime.timedelta(days=10)).isoformat(),
        "end_date": (TODAY + datetime.timedelta(days=108)).isoformat(),
        "street_address": "Rue de la Providence 48",
        "postcode": "6030",
        "municipality": "Marchienne-au-Pont",
        "remuneration": "1 € brut de l’heure en CISP + frais de déplacement",
        "how_to_apply": "Séance d’information le mardi à 9 h 30.",
        "apply_url": "https://atelier.example/inscription",
        "apply_phone": "071 30 45 12",
        "organisation": "",
        "testimonials-count": "1",
        "testimonials-0-type": "testimonial",
        "testimonials-0-deleted": "",
        "testimonials-0-order": "0",
        "testimonials-0-id": "",
        "testimonials-0-value-name": "Samir",
        "testimonials-0-value-outcome": "engagé dans un magasin de cycles",
        "testimonials-0-value-quote": "J’ai appris à parler aux clients.",
        "action-publish": "publish",
    }
    data.update(overrides)
    return data


def test_offers_index_can_be_created_in_admin(admin_client_logged, home):
    url = reverse("wagtailadmin_pages:add", args=("offers", "offersindexpage", home.pk))
    response = admin_client_logged.post(
        url,
        {
            "title": "Offres",
            "slug": "offres",
            "introduction": "Le parcours vers l’emploi.",
            "action-publish": "p",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = OffersIndexPage.objects.get(slug="offres")
    assert page.live and page.get_parent().pk == home.pk
    assert "Le parcours vers l’emploi." in admin_client_logged.get(page.url).content.decode()


def test_offer_can_be_created_in_admin_with_tags_and_testimonial(admin_client_logged, index, vocabularies):
    url = reverse("wagtailadmin_pages:add", args=("offers", "offerpage", index.pk))
    response = admin_client_logged.post(url, offer_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    offer = OfferPage.objects.get(slug="mecanicien-cycles")
    assert offer.live
    assert [tag.slug for tag in offer.sectors.all()] == ["reparation-velos"]
    assert [tag.slug for tag in offer.zones.all()] == ["hainaut"]
    html = admin_client_logged.get(offer.url).content.decode()
    assert "J’ai appris à parler aux clients." in html
    assert "engagé dans un magasin de cycles" in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"how_to_apply": "Écrire à marie.dupont@atelier.be"}, "Pas d&#x27;adresse e-mail ici"),
        ({"end_date": (TODAY - datetime.timedelta(days=400)).isoformat()}, "La date de fin doit suivre"),
        ({"postcode": "60A0"}, "4 chiffres"),
        ({"apply_phone": "appelez-nous"}, "numéro de téléphone"),
        (
            {"testimonials-0-value-name": "Samir Benali"},
            "Indiquez seulement un pr",
        ),  # JSON-escaped in the form
    ],
)
def test_admin_refuses_bad_offer_input_in_french(
    admin_client_logged, index, vocabularies, overrides, message
):
    url = reverse("wagtailadmin_pages:add", args=("offers", "offerpage", index.pk))
    response = admin_client_logged.post(url, offer_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OfferPage.objects.exists()


def test_offer_page_shows_facts_testimonials_and_organisation(client, index, vocabularies, home):
    organisation = StandardPageFactory(parent=home, title="Vélo Solidaire Charleroi", slug="velo-solidaire")
    offer = OfferPageFactory(
        parent=index,
        title="Mécanicien·ne cycles",
        permanent_entry=True,
        street_address="Rue de la Providence 48",
        postcode="6030",
        municipality="Marchienne-au-Pont",
        organisation=organisation,
        testimonials=[("testimonial", {"name": "L. M.", "outcome": "en CDI", "quote": "Merci à l’atelier."})],
        tags={"sectors": [vocabularies["velo"]], "zones": [vocabularies["hainaut"]]},
    )
    html = client.get(offer.url).content.decode()
    assert "<h1>Mécanicien·ne cycles</h1>" in html
    assert "Entrées permanentes" in html
    assert "Rue de la Providence 48, 6030 Marchienne-au-Pont" in html
    assert "30 h par semaine" in html
    assert "1 € brut de l’heure en CISP" in html
    assert 'href="tel:071304512"' in html
    assert 'class="testimonial"' in html and "Merci à l’atelier." in html
    assert f'href="{organisation.url}"' in html and "Vélo Solidaire Charleroi" in html
    assert "Réparation vélos" in html and "Hainaut" in html
    assert email_addresses(html.split('id="contenu"')[1].split("</main>")[0]) == []


def test_finished_offer_still_answers_and_says_so(client, index):
    offer = OfferPageFactory(
        parent=index,
        start_date=TODAY - datetime.timedelta(days=100),
        end_date=TODAY - datetime.timedelta(days=1),
    )
    response = client.get(offer.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Offre terminée." in html
    assert "Appeler le" not in html  # no call to apply to a session that is over


def test_withdrawn_organisation_is_not_linked(client, index, home):
    organisation = StandardPageFactory(parent=home, title="Structure dépubliée", slug="depubliee")
    offer = OfferPageFactory(parent=index, organisation=organisation)
    organisation.unpublish()
    assert "Structure dépubliée" not in client.get(offer.url).content.decode()


def test_offers_of_organisation_lists_its_current_offers_in_fixed_queries(client, index, home, vocabularies):
    organisation = StandardPageFactory(parent=home, title="Vélo Solidaire", slug="velo-solidaire")
    other = StandardPageFactory(parent=home, title="Autre structure", slug="autre")
    OfferPageFactory(
        parent=index,
        title="Atelier vélo",
        organisation=organisation,
        tags={"sectors": [vocabularies["velo"]]},
    )
    OfferPageFactory(
        parent=index, title="Stage vélo", kind="stage", organisation=organisation, permanent_entry=True
    )
    OfferPageFactory(
        parent=index,
        title="Session finie",
        organisation=organisation,
        end_date=TODAY - datetime.timedelta(days=3),
        start_date=TODAY - datetime.timedelta(days=90),
    )
    OfferPageFactory(parent=index, title="Offre d’une autre structure", organisation=other)
    draft = OfferPageFactory(parent=index, title="Brouillon", organisation=organisation)
    draft.unpublish()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        offers = offers_of(organisation)
    assert [offer.title for offer in offers] == ["Stage vélo", "Atelier vélo"]
    assert len(queries) <= 4
    for _ in range(5):
        OfferPageFactory(
            parent=index, organisation=organisation, tags={"sectors": [vocabularies["numerique"]]}
        )
    with CaptureQueriesContext(connection) as more:
        assert len(offers_of(organisation)) == 7
    assert len(more) == len(queries)

    html = render_to_string("offers/includes/offers_of_organisation.html", {"offers": offers})
    assert "Ses offres pour stagiaires" in html and "Atelier vélo" in html and "Réparation vélos" in html
    by_pk = render_to_string("offers/includes/offers_of_organisation.html", {"offers": offers_of(other.pk)})
    assert "Offre d’une autre structure" in by_pk and "Atelier vélo" not in by_pk


def test_offers_of_organisation_template_tag(index, home):
    from django.template import Context, Template

    organisation = StandardPageFactory(parent=home, title="Vélo Solidaire", slug="velo-solidaire")
    OfferPageFactory(parent=index, title="Atelier vélo", organisation=organisation)
    html = Template("{% load offers_tags %}{% offers_of_organisation organisation %}").render(
        Context({"organisation": organisation})
    )
    assert "Atelier vélo" in html
    lonely = StandardPageFactory(parent=home, title="Sans offre", slug="sans-offre")
    html = Template("{% load offers_tags %}{% offers_of_organisation organisation %}").render(
        Context({"organisation": lonely})
    )
    assert "ne publie pas d’offre en ce moment" in html


def test_offers_index_query_budget_is_fixed(client, index, vocabularies):
    def grow(count):
        for number in range(OfferPage.objects.count(), count):
            OfferPageFactory(
                parent=index,
                kind=["formation", "stage", "emploi-insertion"][number % 3],
                tags={
                    "sectors": [vocabularies["velo"], vocabularies["numerique"]],
                    "publics": [vocabularies["neet"]],
                    "zones": [vocabularies["hainaut"]],
                },
            )

    assert_fixed_query_budget(client, index.url + "?secteur=reparation-velos&tri=titre", grow, budget=30)


def test_offer_page_query_budget_is_fixed(client, index, vocabularies, home):
    organisation = StandardPageFactory(parent=home, title="Vélo Solidaire", slug="velo-solidaire")
    offer = OfferPageFactory(
        parent=index,
        organisation=organisation,
        testimonials=[("testimonial", {"name": "Ali", "outcome": "", "quote": "Bien."})] * 3,
        tags={
            "sectors": list(Sector.objects.all()),
            "publics": [vocabularies["neet"]],
            "zones": [vocabularies["hainaut"]],
        },
    )

    def grow(count):
        for _ in range(OfferPage.objects.count(), count):
            OfferPageFactory(parent=index, organisation=organisation)

    assert_fixed_query_budget(client, offer.url, grow, budget=25)


def test_feed_query_budget_is_fixed(client, index, vocabularies):
    def grow(count):
        for _ in range(OfferPage.objects.count(), count):
            OfferPageFactory(parent=index, tags={"sectors": [vocabularies["velo"]]})

    assert_fixed_query_budget(client, index.url + "flux/", grow, budget=20)


def test_empty_index_shows_the_empty_state(client, index):
    response, _queries = count_queries(client, index.url)
    assert response.status_code == 200
    assert "Aucune offre ne correspond à ces filtres." in response.content.decode()
