"""The demo in four languages: every public page type answers in German, Dutch and English with
`<html lang>` set, and its interface carries no French string of the catalogues (text written
once in French, marked `lang="fr"`, is left aside)."""

import re

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale, Page

from network.models import Person

pytestmark = pytest.mark.django_db

PATHS = {
    "de": {
        "home": "/de/",
        "free page": "/de/ueber-uns/",
        "section": "/de/aktionsblaetter-und-praktiken/",
        "fiche": "/de/aktionsblaetter-und-praktiken/ausbildung-fahrradmechaniker/",
        "directory": "/de/verzeichnis/",
        "compagnons": "/de/verzeichnis/compagnons/",
        "offers": "/de/angebote/",
        "agenda": "/de/kalender/",
        "white paper": "/de/weissbuch/",
        "search": "/de/suche/?q=fahrrad",
    },
    "nl": {
        "home": "/nl/",
        "free page": "/nl/over-ons/",
        "section": "/nl/fiches-en-praktijken/",
        "fiche": "/nl/fiches-en-praktijken/opleiding-fietsmecanicien/",
        "directory": "/nl/gids/",
        "compagnons": "/nl/gids/compagnons/",
        "offers": "/nl/aanbod/",
        "agenda": "/nl/agenda/",
        "search": "/nl/zoeken/?q=fiets",
    },
    "en": {
        "home": "/en/",
        "free page": "/en/about/",
        "section": "/en/action-sheets-and-practices/",
        "fiche": "/en/action-sheets-and-practices/bicycle-mechanic-training/",
        "directory": "/en/directory/",
        "compagnons": "/en/directory/compagnons/",
        "agenda": "/en/events/",
        "search": "/en/search/?q=bike",
    },
}
CASES = [(language, name, path) for language, paths in PATHS.items() for name, path in paths.items()]


def french_interface_strings(language):
    """French msgids long enough to be unambiguous, whose translation differs."""
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    return {
        entry.msgid
        for entry in catalogue.translated_entries()
        if len(entry.msgid) >= 12
        and entry.msgstr != entry.msgid
        and "%" not in entry.msgid
        and "{" not in entry.msgid
        and "<" not in entry.msgid
    }


def french_leftovers(language, text):
    """The catalogue's French strings found as whole words (German compounds such as
    "Informationsveranstaltung" do not count as "Informations")."""
    return sorted(
        msgid
        for msgid in french_interface_strings(language)
        if msgid in text and re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text)
    )


def interface_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select('[lang="fr"], script, style, head, .language-switcher'):
        element.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" "))


@pytest.mark.parametrize("language,name,path", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_page_type_answers_in_its_language_without_french_interface(
    client, demo_content, language, name, path
):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="original-language"' not in html  # a real translation, not the fallback
    assert french_leftovers(language, interface_text(html)) == []


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_compagnon_profile_in_every_language(client, demo_content, language):
    person = Person.objects.public().order_by("pk").first()
    directory = PATHS[language]["directory"]
    html = client.get(f"{directory}compagnons/{person.pk}-{person.slug}/").content.decode()
    assert f'<html lang="{language}">' in html and person.name in html
    assert french_leftovers(language, interface_text(html)) == []


def test_german_demo_has_the_same_pages_as_dutch_and_english(demo_content):
    counts = {
        code: Page.objects.live().filter(locale=Locale.objects.get(language_code=code)).count()
        for code in ("nl", "de", "en")
    }
    assert counts["de"] >= 15 and counts["de"] == counts["nl"] == counts["en"]


def search_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [document.title for document in response.context["results"]]


def test_demo_search_finds_the_bike_repair_content_in_every_language(client, demo_content):
    german = search_titles(client, "/de/suche/?q=fahrrad")
    assert "Fahrradmechanikerinnen und -mechaniker ausbilden" in german
    dutch = search_titles(client, "/nl/zoeken/?q=velo")
    assert "Fietsmecaniciens opleiden" in dutch  # the Dutch translation, found by its French text
    assert any("vélo" in title.lower() for title in dutch)  # and French originals the listings show
    english = search_titles(client, "/en/search/?q=repaired")
    assert "Training bicycle mechanics" in english  # "repaired" → repair: "bicycle repair workshop"
