"""Languages: the switcher targets, hreflang alternates, the fallback for untranslated pages."""

import io
import re

import polib
import pytest
from django.conf import settings
from pypdf import PdfReader
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
    assert links == {"fr": "/a-propos/", "nl": "/nl/over-ons/", "de": "/de/ueber-uns/", "en": "/en/about/"}


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
    assert set(found) == {"fr", "nl", "de", "en"}
    assert found["nl"].endswith("/nl/over-ons/") and found["fr"].endswith("/a-propos/")


def test_untranslated_page_keeps_its_place_in_every_language(client, demo_content):
    """A page only in French: the switcher keeps it, under each language's translated section."""
    from passerelles.models import HomePage

    french_home = HomePage.objects.get(locale=Locale.get_default())
    page = StandardPageFactory(parent=french_home, title="Seulement en français", slug="seulement-fr")
    links = switcher_links(client.get(page.url).content.decode())
    assert links == {
        "fr": "/seulement-fr/",
        "nl": "/nl/seulement-fr/",
        "de": "/de/seulement-fr/",
        "en": "/en/seulement-fr/",
    }
    response = client.get("/nl/seulement-fr/")
    assert response.status_code == 200
    assert "Seulement en français" in response.content.decode()


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


def test_dutch_listings_show_translations_and_the_french_originals(client, demo_content):
    html = client.get("/nl/fiches-en-praktijken/").content.decode()
    assert "Fietsmecaniciens opleiden" in html  # translated: shown in Dutch, at its Dutch address
    assert "/nl/fiches-en-praktijken/opleiding-fietsmecanicien/" in html
    assert "Former des mécaniciens" not in html
    # Not translated yet: shown in French, marked as French for screen readers.
    assert '<h3 class="card__title" lang="fr"><a href="/fiches-et-pratiques/' in html
    french = client.get("/fiches-et-pratiques/").content.decode()
    assert french.count('class="card__title"') == html.count('class="card__title"')

    directory = client.get("/nl/gids/").content.decode()
    assert directory.count('class="card__title" lang="fr"') >= 5  # five structures are translated

    white_paper = client.get("/nl/witboek/").content.decode()
    assert "Witboek 2026: drempels op weg naar werk wegnemen" in white_paper  # the edition, translated
    assert white_paper.count("lb-edition-card__title") == client.get("/livre-blanc/").content.decode().count(
        "lb-edition-card__title"
    )


def test_section_pages_are_translated_into_dutch_and_english(client, demo_content):
    for url, title in [
        ("/nl/fiches-en-praktijken/", "Fiches en praktijken"),
        ("/nl/gids/", "Gids van de organisaties"),
        ("/nl/aanbod/", "Aanbod voor stagiairs"),
        ("/nl/agenda/", "Agenda"),
        ("/nl/witboek/", "Witboek"),
        ("/en/action-sheets-and-practices/", "Action sheets and practices"),
        ("/en/directory/", "Directory of organisations"),
        ("/en/offers/", "Offers for trainees"),
        ("/en/events/", "Events"),
        ("/en/white-paper/", "White paper"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert title in response.content.decode(), url


def test_translated_fiche_keeps_synchronised_fields_and_its_pdf(client, demo_content):
    from knowledge.models import FicheActionPage

    dutch = FicheActionPage.objects.get(slug="opleiding-fietsmecanicien")
    french = FicheActionPage.objects.get(slug="formation-mecanicien-velo")
    assert dutch.organisation_id == french.organisation_id  # ownership follows the original
    # Names and phones are not translated: the contacts are the original's.
    assert [dict(block.value) for block in dutch.contacts] == [dict(block.value) for block in french.contacts]
    assert dutch.steps[0].value["title"] == "Proefdag in de werkplaats"
    pdf = client.get("/nl/fiches-en-praktijken/opleiding-fietsmecanicien/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    # The PDF declares its language, so a screen reader reads the Dutch fiche in Dutch.
    assert PdfReader(io.BytesIO(pdf.content)).trailer["/Root"]["/Lang"] == "nl"
    french_pdf = client.get(french.url + "pdf/")
    assert PdfReader(io.BytesIO(french_pdf.content)).trailer["/Root"]["/Lang"] == "fr"


def test_french_only_text_is_marked_french_on_other_language_pages(client, demo_content):
    """Screen readers switch voice for text only written in French (WCAG 3.1.2)."""
    # The footer's presentation, written once in French, gives way to the interface's sentence.
    about = "<div><p>Passerelles est la plateforme d’échange"
    assert about in client.get("/").content.decode()
    dutch_footer = client.get("/nl/").content.decode().split('class="site-footer"', 1)[1]
    assert "Passerelles est la plateforme" not in dutch_footer
    assert "Het platform voor socioprofessionele inschakeling in Wallonië en Brussel." in dutch_footer
    offers = client.get("/nl/aanbod/").content.decode()
    assert (
        offers.count('<p class="card__text" lang="fr">')
        == offers.count('<h3 class="card__title" lang="fr">')
        > 0
    )


def catalogue_translations(catalogue):
    return {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in catalogue}


@pytest.mark.parametrize("language", ["nl", "de", "en"])
def test_interface_catalogue_is_complete_and_shipped_compiled(language):
    """Every interface string is translated, and the compiled catalogue a fresh install uses says so."""
    folder = settings.BASE_DIR / "locale" / language / "LC_MESSAGES"
    source = polib.pofile(str(folder / "django.po"))
    assert [entry.msgid for entry in source.untranslated_entries() + source.fuzzy_entries()] == []
    compiled = catalogue_translations(polib.mofile(str(folder / "django.mo")))
    stale = {
        key
        for key, text in catalogue_translations(source.translated_entries()).items()
        if compiled.get(key) != text
    }
    assert stale == set()
