"""The search engine itself: ranking, French-aware matching, facets, odd queries, fallback, budget."""

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.factories_search import publish_page

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"


def result_titles(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return [document.title for document in response.context["results"]]


def test_title_match_ranks_above_body_only_match(client, home):
    publish_page(home, "Accueil des stagiaires", text="Un atelier de menuiserie pour apprendre le métier.")
    publish_page(home, "Menuiserie solidaire à Namur", text="Une équipe accueille des stagiaires.")
    assert result_titles(client, q="menuiserie") == ["Menuiserie solidaire à Namur", "Accueil des stagiaires"]


def test_accents_and_plurals_are_ignored(client, home):
    publish_page(
        home, "Réparation vélos à Charleroi", text="Un atelier où les stagiaires réparent des vélos."
    )
    publish_page(home, "Potager collectif", text="Maraîchage et espaces verts.")
    assert result_titles(client, q="reparation velo") == ["Réparation vélos à Charleroi"]
    assert result_titles(client, q="RÉPARATION VÉLO") == ["Réparation vélos à Charleroi"]
    assert result_titles(client, q="maraichage") == ["Potager collectif"]


def test_stemming_follows_each_language(client, home):
    """PostgreSQL stems with the snowball stemmer of the document's language; elsewhere (SQLite)
    the light stemmer folds accents and plurals only."""
    publish_page(home, "Formations aux métiers de la réparation", text="Des parcours qualifiants.")
    if connection.vendor == "postgresql":
        # French snowball: "réparer" and "réparation" share the stem "repar".
        assert result_titles(client, q="réparer") == ["Formations aux métiers de la réparation"]
        assert result_titles(client, q="qualifiant") == ["Formations aux métiers de la réparation"]
        english = Locale.objects.create(language_code="en")
        english_home = home.copy_for_translation(english)
        english_home.save_revision().publish()
        publish_page(
            english_home, "Community workshop", text="Trainees are repairing donated bikes.", locale=english
        )
        with translation.override("en"):
            english_search = reverse("search:index")
        # English snowball on English content ("repaired" → "repair"), which the French one misses.
        response = client.get(english_search, {"q": "repaired"})
        assert [document.title for document in response.context["results"]] == ["Community workshop"]
        # Each language sees its own content only.
        assert result_titles(client, q="repaired") == []
    else:
        assert result_titles(client, q="REPARATION") == ["Formations aux métiers de la réparation"]
        assert result_titles(client, q="metier") == ["Formations aux métiers de la réparation"]


def test_search_url_selects_elasticsearch_with_french_analysis():
    from wagtail.search.backends import get_search_backend

    from search.backends import search_backends

    assert search_backends(None)["default"]["BACKEND"] == "wagtail.search.backends.database"
    assert search_backends(None)["default"]["SEARCH_CONFIG"] == "french"
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends("http://recherche.interne:9200")):
        backend = get_search_backend()
    analyser = backend.settings["settings"]["analysis"]["analyzer"]["default"]
    assert analyser["filter"] == ["french_elision", "lowercase", "asciifolding", "french_light_stemmer"]
    assert "edgengram_analyzer" in backend.settings["settings"]["analysis"]["analyzer"]  # Wagtail's own kept
