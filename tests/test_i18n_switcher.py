"""The language switcher keeps the visitor on the same content: its translation when live,
otherwise the French original under the chosen language's address, with the interface in that
language and a notice saying so; hreflang lists only real alternates."""

import re

import pytest

from network.models import Person
from tests.test_i18n import alternates, switcher_links

pytestmark = pytest.mark.django_db

TRANSLATED = "/fiches-et-pratiques/formation-mecanicien-velo/"
UNTRANSLATED = "/fiches-et-pratiques/bilan-de-parcours-professionnel/"
NOTICES = {
    "nl": "Deze pagina bestaat nog niet in het Nederlands: hier is het Franse origineel.",
    "de": "Diese Seite gibt es noch nicht auf Deutsch: Hier ist das französische Original.",
    "en": "This page is not available in English yet: here is the French original.",
}


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def html_lang(html):
    return re.search(r'<html lang="([a-z]{2})">', html).group(1)


def notice(html):
    found = re.search(r'<p class="message" role="note">([^<]*)</p>', html)
    return found.group(1) if found else None


@pytest.mark.parametrize("language", ["nl", "de", "en"])
def test_untranslated_fiche_stays_the_same_fiche_in_every_language(client, demo_content, language):
    french = get_html(client, UNTRANSLATED)
    target = switcher_links(french)[language]
    assert target.startswith(f"/{language}/") and target.endswith("/bilan-de-parcours-professionnel/")

    html = get_html(client, target)
    assert html_lang(html) == language  # the interface in the chosen language
    assert notice(html) == NOTICES[language].replace("'", "&#x27;")
    assert '<div lang="fr" class="original-language">' in html  # the content is marked French
    assert "Bilan de parcours professionnel" in html or "bilan" in html.lower()
    # Only the French original is a real alternate; the search engines' canonical is French.
    assert set(alternates(html)) == {"fr"}
    assert f'<link rel="canonical" href="http://testserver{UNTRANSLATED}">' in html
    # Round trip back to French lands on the same fiche.
    assert switcher_links(html)["fr"] == UNTRANSLATED


def test_translated_fiche_round_trip_and_no_notice(client, demo_content):
    french = get_html(client, TRANSLATED)
    dutch_url = switcher_links(french)["nl"]
    assert dutch_url == "/nl/fiches-en-praktijken/opleiding-fietsmecanicien/"
    dutch = get_html(client, dutch_url)
    assert notice(dutch) is None and 'class="original-language"' not in dutch
    german_url = switcher_links(dutch)["de"]
    german = get_html(client, german_url)
    assert html_lang(german) == "de"
    assert switcher_links(german)["fr"] == TRANSLATED
    assert switcher_links(german)["nl"] == dutch_url


TRANSLATED_TYPES = [
    "/annuaire/cpas-tournai-insertion/",
    "/agenda/validobus/validobus-liege-coronmeuse/",
    "/livre-blanc/edition-2026/",
    "/livre-blanc/edition-2026/parcours-entre-structures/dossier-de-parcours-partage/",
]


@pytest.mark.parametrize("url", [TRANSLATED, UNTRANSLATED, "/a-propos/", "/annuaire/", *TRANSLATED_TYPES])
def test_hreflang_alternates_answer_and_point_back(client, demo_content, url):
    html = get_html(client, url)
    found = alternates(html)
    assert "fr" in found
    for code, href in found.items():
        alternate = get_html(client, href.removeprefix("http://testserver"))
        assert html_lang(alternate) == code
        assert notice(alternate) is None  # never a fallback among the alternates


def test_compagnon_profile_keeps_the_profile_in_every_language(client, demo_content):
    person = Person.objects.public().order_by("pk").first()
    french_url = f"/annuaire/compagnons/{person.pk}-{person.slug}/"
    links = switcher_links(get_html(client, french_url))
    assert links["fr"] == french_url
    for code in ("nl", "de", "en"):
        assert links[code].endswith(f"/compagnons/{person.pk}-{person.slug}/"), links[code]
        html = get_html(client, links[code])
        assert html_lang(html) == code
        assert person.name in html
        assert switcher_links(html)["fr"] == french_url


def test_an_unknown_address_in_another_language_is_still_a_404(client, demo_content):
    assert client.get("/nl/fiches-en-praktijken/n-existe-pas/").status_code == 404
    assert client.get("/de/nichts/hier/").status_code == 404


@pytest.mark.parametrize("url", TRANSLATED_TYPES)
def test_translated_structure_event_and_white_paper_round_trip(client, demo_content, url):
    """fr → de → fr on the new translated types: the German page is a real translation (no
    notice, three alternates besides French) and leads back to the same French page."""
    german_url = switcher_links(get_html(client, url))["de"]
    german = get_html(client, german_url)
    assert html_lang(german) == "de" and notice(german) is None
    assert set(alternates(german)) == {"fr", "nl", "de", "en"}
    assert switcher_links(german)["fr"] == url
