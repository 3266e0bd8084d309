"""The knowledge index: demo content, combinable facets with counts, sorting, paging, bad input, feeds."""

import json
import re
from html import unescape

import feedparser
import pytest
from django.conf import settings

from knowledge.models import FicheActionPage, KnowledgeIndexPage
from passerelles.vocabularies.models import Public, Sector
from tests.factories_knowledge import FicheActionPageFactory, KnowledgeIndexPageFactory
from tests.helpers import assert_fixed_query_budget, email_addresses

pytestmark = pytest.mark.django_db

LISTING = "/fiches-et-pratiques/"


@pytest.fixture
def small_index(home):
    """An index with a few tagged fiches, lighter than the whole demo."""
    index = KnowledgeIndexPageFactory(parent=home)
    sector = Sector.objects.create(name="Numérique", slug="numerique")
    public = Public.objects.create(name="Femmes", slug="femmes")
    for _ in range(3):
        FicheActionPageFactory(parent=index, tags={"sectors": [sector], "publics": [public]})
    return index


def fixture_items():
    data = json.loads((settings.BASE_DIR / "fixtures" / "knowledge.json").read_text(encoding="utf-8"))
    return data["fiches"] + data["pratiques"]


def facet_count(html, parameter, slug):
    match = re.search(
        rf'<label for="f-{parameter}-{slug}">[^<]*<span class="facet__count">\((\d+)\)</span>', html
    )
    assert match, f"pas de valeur {parameter}={slug} dans les filtres"
    return int(match.group(1))


def result_titles(html):
    return [
        unescape(title)
        for title in re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', html)
    ]


def test_demo_content_covers_every_sector_and_public():
    taxonomy = json.loads((settings.BASE_DIR / "fixtures" / "taxonomy.json").read_text(encoding="utf-8"))
    items = fixture_items()
    assert len(items) >= 20
    for vocabulary in ("sectors", "publics"):
        used = {slug for item in items for slug in item["tags"][vocabulary]}
        assert used == {entry["slug"] for entry in taxonomy[vocabulary]}, vocabulary
    assert any(item["last_reviewed"] < "2025-06-01" for item in items)  # some need a review


def test_listing_shows_the_demo_content(client, demo_content):
    response = client.get(LISTING)
    assert response.status_code == 200
    html = response.content.decode()
    total = len(fixture_items())
    assert total >= 20
    assert f"{total} contenus trouvés" in html
    assert len(result_titles(html)) == 12  # first page
    assert facet_count(html, "type", "fiche") + facet_count(html, "type", "pratique") == total
    assert 'rel="next"' in html


def test_filter_by_sector_and_public_gives_the_right_items_and_counts(client, demo_content):
    items = fixture_items()
    expected = sorted(
        item["title"]
        for item in items
        if "numerique" in item["tags"]["sectors"] and "femmes" in item["tags"]["publics"]
    )
    assert len(expected) == 3  # video workshops, immersive spaces, women repairing smartphones
    url = LISTING + "?secteur=numerique&public=femmes"
    html = client.get(url).content.decode()
    assert sorted(result_titles(html)) == expected
    assert "3 contenus trouvés" in html
    # Disjunctive counts: each value counts what it would give with the other facet kept.
    assert facet_count(html, "public", "femmes") == 3
    assert facet_count(html, "secteur", "numerique") == 3
    women = [item for item in items if "femmes" in item["tags"]["publics"]]
    assert facet_count(html, "secteur", "reparation-velos") == sum(
        "reparation-velos" in item["tags"]["sectors"] for item in women
    )
    assert re.search(r'id="f-secteur-numerique"[^>]*checked', html)
    assert re.search(r'id="f-public-femmes"[^>]*checked', html)
    # The same URL gives the same list: the filtered list can be shared.
    assert result_titles(client.get(url).content.decode()) == result_titles(html)


def test_values_of_one_facet_are_combined_with_or(client, demo_content):
    items = fixture_items()
    html = client.get(LISTING + "?secteur=reparation-velos&secteur=deee&tri=az").content.decode()
    expected = [item for item in items if {"reparation-velos", "deee"} & set(item["tags"]["sectors"])]
    assert f"{len(expected)} contenus trouvés" in html


def test_type_counts_do_not_double_count_items_with_two_chosen_sectors(client, demo_content):
    items = [item for item in fixture_items() if {"numerique", "deee"} & set(item["tags"]["sectors"])]
    html = client.get(LISTING + "?secteur=numerique&secteur=deee").content.decode()
    assert f"{len(items)} contenus trouvés" in html
    fiches = sum("steps" in item for item in items)  # only fiches have steps
    assert facet_count(html, "type", "fiche") == fiches
    assert facet_count(html, "type", "pratique") == len(items) - fiches


def test_type_filter_and_alphabetical_sort(client, demo_content):
    html = client.get(LISTING + "?type=pratique&tri=az").content.decode()
    titles = result_titles(html)
    pratiques = [item for item in fixture_items() if "steps" not in item]
    assert f"{len(pratiques)} contenus trouvés" in html
    assert len(titles) == len(pratiques)
    assert titles == sorted(titles, key=str.casefold)
    assert "Bonne pratique" in html and "Retirer le filtre Bonne pratique" in html


def test_recent_sort_puts_the_newest_first(client, demo_content):
    newest = max(fixture_items(), key=lambda item: item["published"])
    titles = result_titles(client.get(LISTING + "?tri=recent").content.decode())
    assert titles[0] == newest["title"]


def test_paging_keeps_the_filters(client, demo_content):
    html = client.get(LISTING + "?type=fiche").content.decode()
    assert "?type=fiche&amp;page=2" in html
    second = client.get(LISTING + "?type=fiche&page=2").content.decode()
    assert "Page 2 sur 2" in second


def test_empty_state(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    Sector.objects.create(name="Bois et menuiserie", slug="bois-menuiserie")
    html = client.get(index.url + "?secteur=bois-menuiserie").content.decode()
    assert "Aucune fiche ni pratique ne correspond à ces filtres." in html
    assert "Aucun contenu trouvé" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("secteur=inconnu", "Un filtre « Secteur » demandé n’existe pas ou plus"),
        ("public=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Un filtre « Public » demandé n’existe pas ou plus"),
        ("zone=" + "x" * 5000, "Un filtre « Zone » demandé n’existe pas ou plus"),
        ("type=video", "Un filtre « Type de contenu » demandé n’existe pas ou plus"),
        ("page=abc", "Le numéro de page demandé n’est pas valide"),
        ("page=99999", "Cette page de résultats n’existe pas"),
        ("page=" + "9" * 5000, "Le numéro de page demandé n’est pas valide"),
        ("page=-1", "Cette page de résultats n’existe pas"),
        ("tri=%3Cscript%3E", "Ce tri n’existe pas"),
    ],
)
def test_bad_filter_input_gets_a_french_message(client, small_index, query, message):
    response = client.get(f"{small_index.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)" not in html
    assert len(result_titles(html)) > 0  # the list is still there


def test_unknown_value_keeps_the_valid_ones(client, small_index):
    html = client.get(small_index.url + "?secteur=numerique&secteur=inconnu").content.decode()
    assert re.search(r'id="f-secteur-numerique"[^>]*checked', html)
    assert "n’existe pas ou plus" in html


def test_feed_parses_and_follows_the_filters(client, demo_content):
    listing = client.get(LISTING + "?secteur=reparation-velos").content.decode()
    link = re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', listing
    )
    assert link and link.group(1) == "/fiches-et-pratiques/flux/?secteur=reparation-velos"

    everything = feedparser.parse(client.get("/fiches-et-pratiques/flux/").content)
    assert not everything.bozo, everything.get("bozo_exception")
    assert len(everything.entries) == len(fixture_items())
    newest = max(fixture_items(), key=lambda item: item["published"])
    assert everything.entries[0].title == newest["title"]

    response = client.get(link.group(1).replace("&amp;", "&"))
    assert response["Content-Type"].startswith("application/atom+xml")
    filtered = feedparser.parse(response.content)
    expected = {item["title"] for item in fixture_items() if "reparation-velos" in item["tags"]["sectors"]}
    assert {entry.title for entry in filtered.entries} == expected
    assert "Réparation" in filtered.feed.title
    assert any(link.href.endswith("/flux/?secteur=reparation-velos") for link in filtered.feed.links)
    assert all(entry.link.startswith("http") for entry in filtered.entries)
    assert email_addresses(response.content.decode()) == []


def test_feed_ignores_bad_filters(client, small_index):
    response = client.get(small_index.url + "flux/?secteur=%3Cb%3E&page=abc&tri=zzz")
    assert response.status_code == 200
    assert not feedparser.parse(response.content).bozo


def test_listing_query_budget_is_fixed(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    sector = Sector.objects.create(name="Numérique", slug="numerique")
    public = Public.objects.create(name="NEET", slug="neet")

    def grow(count):
        for _ in range(count - FicheActionPage.objects.count()):
            FicheActionPageFactory(parent=index, tags={"sectors": [sector], "publics": [public]})

    assert_fixed_query_budget(client, index.url + "?secteur=numerique", grow, budget=30)


def test_index_is_a_single_section_under_home(home):
    KnowledgeIndexPageFactory(parent=home)
    assert not KnowledgeIndexPage.can_create_at(home)
