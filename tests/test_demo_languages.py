"""The demo in four languages: every public page type answers in German, Dutch and English with
`<html lang>` set, and its interface carries no French string of the catalogues (text written
once in French, marked `lang="fr"`, is left aside)."""

import re

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale, Page

from knowledge.livreblanc.models import EditionPage, RecommendationPage
from knowledge.models import BonnePratiquePage, FicheActionPage
from network.events.models import CalendarPage, EventPage
from network.models import OrganisationPage, Person

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
        "practice": "/de/aktionsblaetter-und-praktiken/reparierte-fahrraeder-fuer-auszubildende/",
        "structure": "/de/verzeichnis/oeshz-tournai-eingliederung/",
        "calendar": "/de/kalender/validobus/",
        "event": "/de/kalender/validobus/validobus-luettich/",
        "edition": "/de/weissbuch/ausgabe-2026/",
        "recommendation": "/de/weissbuch/ausgabe-2026/wechsel-zwischen-einrichtungen/gemeinsame-laufbahnakte/",
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
        "practice": "/nl/fiches-en-praktijken/herstelde-fietsen-voor-cursisten/",
        "structure": "/nl/gids/velo-chatelet/",
        "event": "/nl/agenda/validobus/validobus-luik/",
        "recommendation": "/nl/witboek/editie-2026/traject-tussen-organisaties/gedeeld-trajectdossier/",
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
        "practice": "/en/action-sheets-and-practices/repaired-bikes-lent-to-trainees/",
        "structure": "/en/directory/cisp-pass-wavre/",
        "event": "/en/events/epn-brussels/information-session-mind-map-cv/",
        "edition": "/en/white-paper/edition-2026/",
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
    assert counts["de"] >= 37 and counts["de"] == counts["nl"] == counts["en"]


def live_in(language, model):
    return model.objects.live().filter(locale__language_code=language)


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_demo_translates_the_content_the_issue_asks_for(demo_content, language):
    """Issue 21: at least 10 fiches/practices, 5 structures, 5 events, the livre blanc's
    introduction and 3 recommendations, live in each language."""
    assert live_in(language, FicheActionPage).count() + live_in(language, BonnePratiquePage).count() >= 10
    assert live_in(language, OrganisationPage).count() >= 5
    assert live_in(language, EventPage).count() >= 5
    edition = live_in(language, EditionPage).get()
    french = edition.get_translation(Locale.get_default())
    assert edition.introduction and edition.introduction != french.introduction
    assert live_in(language, RecommendationPage).count() >= 3


def card_titles(html, css_class="card__title"):
    """(title, lang) of each card of a listing page."""
    soup = BeautifulSoup(html, "html.parser")
    return [(tag.get_text(" ", strip=True), tag.get("lang")) for tag in soup.select(f".{css_class}")]


def test_german_edition_keeps_every_recommendation_and_the_french_counts(client, demo_content):
    """Three recommendations are translated: the German edition still lists all of them once, in
    the original's order and numbers, the others in French (marked); the French edition, its
    count on the white paper's index and its PDF are those of the French original alone."""
    french = EditionPage.objects.get(slug="edition-2026", locale=Locale.get_default())
    french_recommendations = RecommendationPage.objects.descendant_of(french).live()
    assert french_recommendations.count() >= 10
    french_html = client.get(french.url).content.decode()
    french_cards = card_titles(french_html, "lb-card__title")
    assert len(french_cards) == french_recommendations.count()  # no translation among them
    assert all(lang is None for _title, lang in french_cards)

    german = client.get("/de/weissbuch/ausgabe-2026/").content.decode()
    cards = card_titles(german, "lb-card__title")
    assert len(cards) == len(french_cards)
    assert [title.split(" ", 1)[0] for title, _lang in cards] == [
        title.split(" ", 1)[0] for title, _lang in french_cards
    ]  # the same numbers, in the same order
    translated = [title for title, lang in cards if lang is None]
    assert (
        len(translated) == 3
        and "1.1 Eine Laufbahnakte, die den Menschen von Einrichtung zu Einrichtung begleitet" in translated
    )
    assert sum(lang == "fr" for _title, lang in cards) == len(cards) - 3

    count = str(french_recommendations.count())
    assert f"{count} recommandations" in client.get("/livre-blanc/").content.decode()
    assert f"{count} Empfehlungen" in client.get("/de/weissbuch/").content.decode()


def test_german_edition_accepts_support_for_a_recommendation_still_in_french(client, demo_content):
    french = EditionPage.objects.get(slug="edition-2026", locale=Locale.get_default())
    untranslated = RecommendationPage.objects.descendant_of(french).live().get(slug="permis-dans-le-parcours")
    before = untranslated.supports.count()
    response = client.post(
        "/de/weissbuch/ausgabe-2026/soutenir/", {"recommendation": untranslated.pk, "retour": "edition"}
    )
    assert response.status_code == 302
    assert untranslated.supports.count() == before + 1


def agenda_cards(client, url):
    return card_titles(client.get(url).content.decode())


def test_german_agenda_shows_translated_events_in_place_of_their_originals(client, demo_content):
    """The agenda is built from the French events: a German visitor sees each once, translated
    when it is, and the French agenda shows no translation."""
    french = agenda_cards(client, "/agenda/")
    german = agenda_cards(client, "/de/kalender/")
    assert len(german) == len(french) >= 5
    assert len(set(german)) == len(german)
    assert ("Validobus in Lüttich", None) in german or ("Validobus in Arlon", None) in german
    assert sum(lang is None for _title, lang in german) >= 1
    assert all(lang is None for _title, lang in french)
    titles = {title for title, _lang in french}
    assert not titles & {
        "Validobus in Lüttich",
        "Validobus in Arlon",
        "Validobus in Nivelles",
        "Validobus in Namur",
    }
    # The past events too, and the month grid.
    assert len(agenda_cards(client, "/de/kalender/passes/")) == len(agenda_cards(client, "/agenda/passes/"))
    french_calendars = CalendarPage.objects.live().filter(locale=Locale.get_default()).count()
    assert french_calendars == 4


def every_card(client, url):
    cards, number = [], 1
    while True:
        response = client.get(f"{url}?page={number}")
        found = card_titles(response.content.decode())
        cards += found
        if not found or number == response.context["page_obj"].paginator.num_pages:
            return cards
        number += 1


def test_german_directory_lists_each_structure_once(client, demo_content):
    french = every_card(client, "/annuaire/")
    german = every_card(client, "/de/verzeichnis/")
    assert len(french) == OrganisationPage.objects.live().filter(locale=Locale.get_default()).count()
    assert len(german) == len(french) and len(set(german)) == len(german)
    assert all(lang is None for _title, lang in french)
    titles = {title for title, lang in german if lang is None}
    assert {"Eingliederungsdienst des ÖSHZ Tournai", "Cyclo-Trans Châtelet", "CISP Passe-Muraille"} <= titles


def test_german_home_shows_the_next_events_of_the_whole_agenda(client, demo_content):
    french = card_titles(client.get("/").content.decode())
    german = card_titles(client.get("/de/").content.decode())
    assert len(german) == len(french)


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


def test_german_structure_suggests_other_structures_once_each(client, demo_content):
    html = client.get("/de/verzeichnis/oeshz-tournai-eingliederung/").content.decode()
    nearby = card_titles(html.split("Einrichtungen in der Nähe", 1)[1])
    titles = [title for title, _lang in nearby]
    assert titles and len(set(titles)) == len(titles)
    assert not {"Cellule insertion du CPAS de Tournai", "CPAS Tournai work integration unit"} & set(titles)
    assert not any("Doornik" in title for title in titles)


def test_german_event_page_names_its_terms_in_german(client, demo_content):
    html = client.get("/de/kalender/validobus/validobus-luettich/").content.decode()
    assert "Bâtiment" not in interface_text(html)


def test_registering_on_a_german_event_takes_a_place_of_the_french_original(client, demo_content):
    """One event, one list of places, whatever the language it is read in."""
    french = EventPage.objects.get(slug="validobus-nivelles", locale=Locale.get_default())
    german_url = "/de/kalender/validobus/validobus-nivelles/"
    before = french.registrations.count()
    response = client.post(
        german_url + "inscription/",
        {"name": "Anke Schröder", "email": "anke.schroeder@example.org", "organisation": ""},
    )
    assert response.status_code == 302
    assert french.registrations.count() == before + 1
    places = french.capacity - french.registrations.filter(status="confirmee").count()
    assert f"{places} Plätze frei von {french.capacity}" in client.get(german_url).content.decode()
    assert f"{places} places disponibles sur {french.capacity}" in client.get(french.url).content.decode()
