"""schema.org JSON-LD, Open Graph and canonical link on every public page type (demo content)."""

import json
import re
from html import unescape

import pytest
from django.apps import apps
from wagtail.models import Locale

from tests.helpers import html_errors

pytestmark = pytest.mark.django_db

# (page type, sub-path, expected main @type, properties it must have)
PAGES = [
    ("passerelles.HomePage", "", "WebSite", ["name", "url", "potentialAction"]),
    ("passerelles.StandardPage", "", "WebPage", ["name", "url"]),
    ("knowledge.KnowledgeIndexPage", "", "CollectionPage", ["name", "url"]),
    ("knowledge.FicheActionPage", "", "HowTo", ["name", "step", "description", "datePublished"]),
    ("knowledge.BonnePratiquePage", "", "Article", ["headline", "author", "publisher", "datePublished"]),
    ("network.DirectoryPage", "", "CollectionPage", ["name", "url"]),
    ("network.DirectoryPage", "compagnons/", "CollectionPage", ["name", "url"]),
    ("network.OrganisationPage", "", "Organization", ["name", "address", "geo", "url"]),
    ("events.AgendaPage", "", "CollectionPage", ["name"]),
    ("events.CalendarPage", "", "CollectionPage", ["name"]),
    ("events.EventPage", "", "Event", ["name", "startDate", "location", "offers", "eventAttendanceMode"]),
    ("offers.OffersIndexPage", "", "CollectionPage", ["name"]),
    ("offers.OfferPage", "", None, ["url", "description"]),
    ("livreblanc.WhitePaperIndexPage", "", "CollectionPage", ["name"]),
    ("livreblanc.EditionPage", "", "Report", ["headline", "author", "publisher"]),
    ("livreblanc.ChapterPage", "", "Article", ["headline"]),
    ("livreblanc.RecommendationPage", "", "Article", ["headline"]),
]


def first(model_name, language="fr"):
    locale = Locale.objects.get(language_code=language)
    return apps.get_model(model_name).objects.live().filter(locale=locale).order_by("path").first()


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def open_graph(html):
    return {
        key: unescape(value)
        for key, value in re.findall(r'<meta property="(og:[a-z_]+)" content="([^"]*)"', html)
    }


@pytest.mark.parametrize(("page_type", "sub_path", "main_type", "required"), PAGES)
def test_every_page_type_has_its_json_ld_open_graph_and_one_canonical(
    client, demo_content, page_type, sub_path, main_type, required
):
    page = first(page_type)
    response = client.get(page.url + sub_path)
    assert response.status_code == 200
    html = response.content.decode()
    blocks = json_ld(html)
    assert len(blocks) == 1, "one JSON-LD block per page"
    graph = blocks[0]
    assert graph["@context"] == "https://schema.org"
    main, trail = graph["@graph"]
    if main_type:
        assert main["@type"] == main_type
    else:
        assert main["@type"] in ("JobPosting", "EducationalOccupationalProgram")
    for name in required:
        assert main.get(name), f"{main['@type']} sans {name}"
    assert trail["@type"] == "BreadcrumbList"
    positions = [item["position"] for item in trail["itemListElement"]]
    assert positions == list(range(1, len(positions) + 1))
    assert trail["itemListElement"][-1]["item"].startswith("http://testserver/")
    assert "@" not in json.dumps(graph).replace('"@', "")  # no e-mail address
    og = open_graph(html)
    assert {"og:title", "og:url", "og:type", "og:site_name", "og:locale"} <= set(og)
    assert og["og:locale"] == "fr_BE"
    assert html.count('rel="canonical"') == 1


def test_event_json_ld_has_location_and_offers(client, demo_content):
    from network.events.models import EventPage

    event = EventPage.objects.live().filter(locale__language_code="fr").exclude(venue="").first()
    main = json_ld(client.get(event.url).content.decode())[0]["@graph"][0]
    assert main["location"]["@type"] in ("Place", "VirtualLocation") or isinstance(main["location"], list)
    assert main["offers"]["@type"] == "Offer" and main["offers"]["priceCurrency"] == "EUR"


def test_compagnon_profile_is_a_profile_page_without_email(client, demo_content):
    from network.models import DirectoryPage, Person

    person = Person.objects.public().first()
    directory = first("network.DirectoryPage")
    url = directory.url + DirectoryPage.reverse_subpage(
        directory, "compagnon_profile", kwargs={"person_id": person.pk, "slug": person.slug}
    )
    html = client.get(url).content.decode()
    main, trail = json_ld(html)[0]["@graph"]
    assert main["@type"] == "ProfilePage" and main["mainEntity"]["name"] == person.name
    assert person.email not in html
    assert trail["itemListElement"][-1]["name"] == person.name


def test_json_ld_cannot_be_closed_by_content(client, demo_content):
    from knowledge.models import FicheActionPage

    fiche = FicheActionPage.objects.live().filter(locale__language_code="fr").first()
    fiche.title = "Test </script><script>alert(1)</script> & <!-- fin"
    fiche.save_revision().publish()
    html = client.get(fiche.url).content.decode()
    main = json_ld(html)[0]["@graph"][0]
    assert main["name"] == fiche.title
    assert "<script>alert(1)" not in html


def test_translated_page_json_ld_in_its_language(client, demo_content):
    home = first("passerelles.HomePage", "nl")
    html = client.get(home.url).content.decode()
    assert open_graph(html)["og:locale"] == "nl_BE"
    assert json_ld(html)[0]["@graph"][0]["@type"] == "WebSite"


def test_json_ld_is_not_blocked_by_the_content_security_policy(client, demo_content):
    """A data block is not a script: the policy needs no 'unsafe-inline' and keeps none."""
    response = client.get(first("events.EventPage").url)
    policy = response["Content-Security-Policy"]
    assert "script-src" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


@pytest.mark.html
@pytest.mark.parametrize(
    "page_type", ["events.EventPage", "network.OrganisationPage", "knowledge.FicheActionPage"]
)
def test_pages_with_json_ld_are_valid_html(client, demo_content, page_type):
    assert html_errors(client.get(first(page_type).url).content.decode()) == []


@pytest.mark.html
def test_developers_page_is_valid_html(client, demo_content):
    assert html_errors(client.get("/donnees-ouvertes/").content.decode()) == []
