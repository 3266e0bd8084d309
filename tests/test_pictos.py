"""Pictograms on the home tiles and the cards: self-hosted, light, decorative next to their words."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

from tests.helpers import html_errors

PICTOS = Path(settings.BASE_DIR) / "site" / "static" / "passerelles" / "img" / "pictos"
NAMES = ["fiche", "pratique", "event", "offer", "structure", "livre"]


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


@pytest.mark.html
@pytest.mark.parametrize("slug", ["accueil", "fiches-et-pratiques"])
def test_pages_with_pictos_are_valid_html(demo_content, client, slug):
    assert html_errors(page_html(client, slug)) == []
