"""Pictograms on the home tiles and the cards: self-hosted, light, decorative next to their words."""

import re
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings
from wagtail.models import Page

from network.models import Person
from tests.helpers import html_errors

PICTOS = Path(settings.BASE_DIR) / "site" / "static" / "passerelles" / "img" / "pictos"
NAMES = ["fiche", "pratique", "event", "offer", "structure", "livre", "compagnon", "page"]


@pytest.mark.parametrize("name", NAMES)
def test_each_picto_is_light_and_drawn_in_the_text_colour(name):
    svg = (PICTOS / f"{name}.svg").read_text()
    assert len(svg.encode()) <= 1024
    assert 'stroke="currentColor"' in svg and 'id="p"' in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def page_html(client, slug):
    page = Page.objects.get(slug=slug, locale__language_code="fr")
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_home_section_tiles_have_their_pictos(demo_content, client):
    html = page_html(client, "accueil")
    tiles = html.split('class="card-grid"')[1].split("</ul>")[0]
    for name in ("fiche", "structure", "event", "offer", "livre"):
        assert f'pictos/{name}.svg#p"' in tiles
    assert tiles.count('<svg class="picto ') == tiles.count('aria-hidden="true" width="28"')


@pytest.mark.parametrize(
    ("slug", "names"),
    [
        ("fiches-et-pratiques", ["fiche", "pratique"]),
        ("agenda", ["event"]),
        ("offres", ["offer"]),
        ("annuaire", ["structure"]),
    ],
)
def test_listing_cards_show_the_picto_of_their_type(demo_content, client, slug, names):
    html = page_html(client, slug)
    for name in names:
        assert f'pictos/{name}.svg#p"' in html


def cards(html, css_class):
    """Each card of `css_class` in the page, as its HTML."""
    return re.findall(rf'<article class="card {css_class}">.*?</article>', html, re.S)


def picto_of(card):
    found = re.search(
        r'<svg class="picto [^"]*" aria-hidden="true"[^>]*><use href="[^"]*pictos/(\w+)\.svg#p"', card
    )
    return found.group(1) if found else None


def test_a_compagnon_card_shows_a_pictogram_only_without_photo(demo_content, client):
    with_photo = Person.objects.public().get(name="Youssef El Amrani")
    with_photo.photo = wagtail_factories.ImageFactory(title="Portrait de Youssef El Amrani")
    with_photo.save(update_fields=["photo"])
    response = client.get("/annuaire/compagnons/")
    assert response.status_code == 200
    shown = cards(response.content.decode(), "person-card")
    assert len(shown) >= 3
    for card in shown:
        if "Youssef El Amrani" in card:
            assert 'class="person-card__photo"' in card and picto_of(card) is None
        else:  # decorative, next to the name: hidden from screen readers
            assert "<img" not in card and picto_of(card) == "compagnon"


def test_search_hits_show_the_pictogram_of_their_type(demo_content, client):
    expected = {
        "Fiche action": "fiche",
        "Bonne pratique": "pratique",
        "Structure": "structure",
        "Compagnon": "compagnon",
        "Événement": "event",
        "Offre": "offer",
        "Recommandation du livre blanc": "livre",
        "Page": "page",
    }
    seen = {}
    for query in ("velo", "numerique", "insertion", "compagnon espaces verts"):
        html = client.get("/recherche/", {"q": query}).content.decode()
        for card in cards(html, "search-hit"):
            label = re.search(r'<span class="tag">([^<]+)</span>', card).group(1)
            seen[label] = picto_of(card)
    known = {label: name for label, name in seen.items() if label in expected}
    assert len(known) >= 4, seen
    assert all(name == expected[label] for label, name in known.items()), seen
    assert all(seen.values()), f"un résultat sans pictogramme : {seen}"


@pytest.mark.html
@pytest.mark.parametrize("slug", ["accueil", "fiches-et-pratiques"])
def test_pages_with_pictos_are_valid_html(demo_content, client, slug):
    assert html_errors(page_html(client, slug)) == []


@pytest.mark.html
def test_search_and_compagnons_with_pictos_are_valid_html(demo_content, client):
    for url in ("/recherche/?q=velo", "/annuaire/compagnons/"):
        assert html_errors(client.get(url).content.decode()) == [], url
