"""Search in every language: the French originals the listings show, translations, no duplicate,
stems of each language on SQLite as on PostgreSQL."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.factories_search import publish_page

pytestmark = pytest.mark.django_db


def search_url(language):
    with translation.override(language):
        return reverse("search:index")


def suggestions_url(language):
    with translation.override(language):
        return reverse("search:autocomplete")


def found(client, language, query):
    response = client.get(search_url(language), {"q": query})
    assert response.status_code == 200
    return response


def titles(client, language, query):
    return [document.title for document in found(client, language, query).context["results"]]


def translate(page, language, title, text):
    """The page's translation in `language`, published (its parents are copied as needed)."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    parent = page.get_parent().specific
    if not parent.has_translation(locale):
        parent.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    copy = page.copy_for_translation(locale)
    copy.title = title
    copy.slug = page.slug
    copy.body = [("paragraph", f"<p>{text}</p>")]
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def bikes(home):
    """A French page about bike repair, translated into German and English (not Dutch)."""
    french = publish_page(
        home,
        "Atelier de réparation de vélos",
        text="Des stagiaires remettent en état des vélos donnés par les habitants.",
    )
    german = translate(french, "de", "Fahrradwerkstatt", "Lernende reparieren gespendete Fahrräder.")
    english = translate(french, "en", "Bike workshop", "Trainees repaired bicycles donated by neighbours.")
    publish_page(home, "Potager collectif", text="Maraîchage et espaces verts.")
    return french, german, english


def test_german_finds_its_translation_by_german_stems(client, bikes):
    assert search_url("de") == "/de/suche/"
    assert titles(client, "de", "fahrrad") == ["Fahrradwerkstatt"]  # Fahrräder → fahrrad
    assert titles(client, "de", "Fahrräder") == ["Fahrradwerkstatt"]
    assert titles(client, "fr", "fahrrad") == []  # French visitors see the French text only


def test_english_stems_on_every_database(client, bikes):
    assert titles(client, "en", "repaired") == ["Bike workshop"]
    assert titles(client, "en", "repairing bicycle") == ["Bike workshop"]


def test_a_translation_also_answers_the_words_of_its_french_original(client, bikes):
    """A German visitor typing the French word finds the content once, in German."""
    response = found(client, "de", "vélos")
    assert [document.title for document in response.context["results"]] == ["Fahrradwerkstatt"]
    assert response.context["page_obj"].paginator.count == 1


def test_an_untranslated_original_is_found_in_every_language_marked_french(client, bikes):
    response = found(client, "nl", "velo")
    assert [document.title for document in response.context["results"]] == ["Atelier de réparation de vélos"]
    html = response.content.decode()
    assert 'lang="fr">Atelier de réparation de <mark>vélos</mark></a>' in html
    assert titles(client, "nl", "maraichage") == ["Potager collectif"]
    # One hit per content: the French original never comes with its translation.
    assert titles(client, "en", "velo") == ["Bike workshop"]
    assert titles(client, "fr", "velo") == ["Atelier de réparation de vélos"]


def test_suggestions_follow_the_visitor_language(client, bikes):
    def suggested(language, query):
        response = client.get(suggestions_url(language), {"q": query})
        return [suggestion["title"] for suggestion in response.json()["suggestions"]]

    assert suggested("de", "fahr") == ["Fahrradwerkstatt"]
    assert suggested("nl", "atelier rep") == ["Atelier de réparation de vélos"]
    assert suggested("fr", "fahr") == []


def test_withdrawing_a_translation_brings_the_original_back(client, bikes):
    french, german, _english = bikes
    german.unpublish()
    assert titles(client, "de", "velo") == ["Atelier de réparation de vélos"]
    german.save_revision().publish()
    assert titles(client, "de", "velo") == ["Fahrradwerkstatt"]
    german.delete()
    assert titles(client, "de", "velo") == ["Atelier de réparation de vélos"]
    french.unpublish()  # the English translation stays, alone, in English only
    assert titles(client, "de", "velo") == []
    assert titles(client, "en", "repaired") == ["Bike workshop"]


def test_demo_bike_repair_fiche_in_dutch_and_english(client, demo_content):
    """The issue's examples, on the demo: Dutch visitors typing the French word, English stems."""
    dutch = titles(client, "nl", "velo")
    assert any("fiets" in title.lower() or "vélo" in title.lower() for title in dutch), dutch
    assert len(dutch) == len(set(dutch))
    english = titles(client, "en", "repaired")
    assert any("bicycle" in title.lower() or "bike" in title.lower() for title in english), english
