"""Languages: the switcher targets, hreflang alternates, the fallback for untranslated pages."""

import re

import pytest
from wagtail.models import Locale

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def switcher_links(html):
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict((code, href) for href, code in re.findall(r'<a href="([^"]*)" lang="([a-z]{2})"', nav))


def alternates(html):
    return dict(
        (code, href)
        for code, href in re.findall(r'<link rel="alternate" hreflang="([a-z]{2})" href="([^"]*)"', html)
    )


def test_switcher_points_to_the_translated_page(client, demo_content):
    links = switcher_links(client.get("/a-propos/").content.decode())
    assert links == {"fr": "/a-propos/", "nl": "/nl/over-ons/", "de": "/de/", "en": "/en/about/"}


def test_translated_page_is_served_in_its_language(client, demo_content):
    response = client.get("/nl/over-ons/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Over Passerelles" in html
    assert switcher_links(html)["fr"] == "/a-propos/"


def test_hreflang_lists_only_real_translations(client, demo_content):
    html = client.get("/en/about/").content.decode()
    found = alternates(html)
    assert set(found) == {"fr", "nl", "en"}  # no German translation of this page
    assert found["nl"].endswith("/nl/over-ons/") and found["fr"].endswith("/a-propos/")


def test_untranslated_page_falls_back_to_the_language_home(client, demo_content, home=None):
    from passerelles.models import HomePage

    french_home = HomePage.objects.get(locale=Locale.get_default())
    page = StandardPageFactory(parent=french_home, title="Seulement en français", slug="seulement-fr")
    links = switcher_links(client.get(page.url).content.decode())
    assert links["nl"] == "/nl/" and links["en"] == "/en/"
    assert links["de"] == "/de/"


def test_navigation_follows_the_language(client, demo_content):
    html = client.get("/en/").content.decode()
    footer = html.split('class="site-footer"', 1)[1]
    assert 'href="/en/about/">About Passerelles<' in footer
    assert 'href="/en/legal-notice/">Legal notice<' in footer


def test_search_page_switcher_translates_the_url(client, demo_content):
    links = switcher_links(client.get("/recherche/?q=velo").content.decode())
    assert links["fr"].startswith("/recherche/")
    assert links["nl"].startswith("/nl/")


def test_dutch_interface_shows_dutch_strings(client, demo_content):
    html = client.get("/nl/").content.decode()
    assert "Naar de inhoud" in html
    assert "Aller au contenu" not in html
    response = client.get("/nl/zoeken/?q=fiets")
    assert response.status_code == 200
    assert "Zoeken" in response.content.decode()
