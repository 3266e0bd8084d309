"""Demo offers: fresh dates, idempotent loading, organisation links by slug, valid HTML (vnu)."""

import datetime

import pytest
from django.core.management import call_command

from network.offers.models import OfferPage
from passerelles.models import StandardPage
from tests.helpers import html_errors

pytestmark = pytest.mark.django_db


def test_demo_offers_are_current_varied_and_reloadable(client, demo_content):
    offers = OfferPage.objects.live()
    assert offers.count() >= 10
    assert {"formation", "stage", "emploi-insertion"} <= set(offers.values_list("kind", flat=True))
    assert offers.filter(title__icontains="article 60").exists()
    today = datetime.date.today()
    assert offers.filter(start_date__gt=today).count() >= 3  # dates follow the day of loading
    assert offers.filter(end_date__lt=today).count() == 1  # one finished session shows "terminée"
    before = sorted(offers.values_list("slug", "start_date"))

    call_command("load_demo", "--no-index", "--loader", "network.offers.demo", verbosity=0)
    assert sorted(OfferPage.objects.live().values_list("slug", "start_date")) == before
    velo = OfferPage.objects.get(slug="mecanicien-cycles-atelier-velo")
    assert [tag.slug for tag in velo.sectors.all()] == ["reparation-velos"]
    assert len(velo.testimonials) == 2

    listing = client.get("/offres/")
    assert listing.status_code == 200
    assert "Commis de cuisine" not in listing.content.decode()  # finished, hidden by default


def test_demo_links_offers_to_organisations_that_exist(demo_content):
    from wagtail.models import Page

    site_home = Page.objects.get(slug="offres").get_parent()
    organisation = StandardPage(title="Vélo Solidaire Charleroi", slug="velo-solidaire-charleroi")
    site_home.add_child(instance=organisation)
    call_command("load_demo", "--no-index", "--loader", "network.offers.demo", verbosity=0)
    assert OfferPage.objects.get(slug="mecanicien-cycles-atelier-velo").organisation_id == organisation.pk
    assert OfferPage.objects.get(slug="premiers-pas-numeriques-epn-mons").organisation_id is None


@pytest.mark.html
@pytest.mark.parametrize(
    "path",
    [
        "/offres/",
        "/offres/?secteur=reparation-velos&type=formation&etat=terminee&etat=a-venir&page=abc&secteur=<b>",
        "/offres/mecanicien-cycles-atelier-velo/",
        "/offres/commis-de-cuisine-seraing/",
    ],
)
def test_offers_pages_are_valid_html(client, demo_content, path):
    response = client.get(path)
    assert response.status_code == 200
    assert html_errors(response.content.decode()) == []
