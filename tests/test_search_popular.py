"""The public "Recherches fréquentes": never what a few requests push there; recording a search
never turns it into an error, even when the database refuses to write."""

import time

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import QueryDailyHits

from search.models import QueryStat, ZeroResultQuery
from tests.factories_search import publish_page

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"
SPAM = "visitez spam-casino.example maintenant"


def popular(client, language="fr"):
    with translation.override(language):
        url = reverse("search:index")
    response = client.get(url)
    assert response.status_code == 200
    return response.context.get("popular") or []


def search(client, query, times=1, language="fr"):
    with translation.override(language):
        url = reverse("search:index")
    for _ in range(times):
        response = client.get(url, {"q": query})
        assert response.status_code == 200
    return response


@pytest.fixture
def pages(home):
    publish_page(home, "Réparation vélos", text="Un atelier où l’on visite les ateliers.")
    publish_page(home, "Potager collectif", text="Maraîchage.")


@override_settings(SEARCH_RECORD_SECONDS=0)  # every search written at once: the stats say 20
def test_spam_never_reaches_the_public_list(client, pages):
    search(client, SPAM, times=20)  # it even finds something: "visitez" ~ "visite"
    search(client, "casino gratuit", times=20)  # finds nothing
    assert QueryStat.objects.get(query_string=SPAM).hits == 20
    for language in ("fr", "nl", "de", "en"):
        assert popular(client, language) == []
    html = client.get(SEARCH).content.decode()
    assert "spam-casino" not in html and "casino" not in html


def test_only_queries_with_results_above_the_threshold_in_their_language(client, pages):
    with override_settings(SEARCH_POPULAR_MIN_HITS=3, SEARCH_RECORD_SECONDS=0):
        search(client, "vélo", times=3)
        search(client, "potager", times=2)  # below the threshold
        search(client, "ferronnerie", times=5)  # nothing found
        search(client, "maraîchage", times=4, language="nl")  # asked by Dutch-speaking visitors
        assert popular(client, "fr") == ["vélo"]
        assert popular(client, "nl") == ["maraîchage"]
        assert popular(client, "de") == []


def test_editors_feature_or_hide_a_query(client, admin_client_logged, pages):
    QueryStat.objects.create(locale="fr", query_string="compagnonnage", featured=True)
    with override_settings(SEARCH_POPULAR_MIN_HITS=1):
        search(client, "vélo")
        assert popular(client) == ["compagnonnage", "vélo"]
        QueryStat.objects.filter(query_string="vélo").update(hidden=True)
        assert popular(client) == ["compagnonnage"]
    listing = admin_client_logged.get(reverse("wagtailsnippets_search_querystat:list"))
    assert listing.status_code == 200 and "compagnonnage" in listing.content.decode()


def statistics_writes(client, query, times):
    """The statements writing search statistics while `query` is searched `times` times."""
    with CaptureQueriesContext(connection) as queries:
        search(client, query, times=times)
    tables = ("search_querystat", "search_zeroresultquery", "wagtailsearchpromotions_")
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith(("INSERT", "UPDATE")) and any(table in query["sql"] for table in tables)
    ]


def test_a_query_is_written_once_per_period_and_no_search_is_lost(client, pages):
    with override_settings(SEARCH_RECORD_SECONDS=1):
        assert statistics_writes(client, "vélo", times=1)  # the first search of the period: at once
        assert statistics_writes(client, "vélo", times=9) == []  # counted in the cache meanwhile
        assert statistics_writes(client, "ferronnerie", times=3)  # other words: their own period
        assert QueryStat.objects.get(query_string="vélo").hits == 1
        assert ZeroResultQuery.objects.get(query_string="ferronnerie").hits == 1
        search(client, "vélo", language="nl")  # the same words in another language: its own count
        time.sleep(1.1)
        assert statistics_writes(client, "vélo", times=1)  # the next period: with the nine waiting
        assert statistics_writes(client, "ferronnerie", times=1)
    assert QueryStat.objects.get(locale="fr", query_string="vélo").hits == 11
    assert QueryStat.objects.get(locale="nl", query_string="vélo").hits == 1
    assert ZeroResultQuery.objects.get(query_string="ferronnerie").hits == 4
    assert QueryDailyHits.objects.get(query__query_string="vélo").hits == 12


@pytest.fixture
def refusing_database():
    """The database refuses every write of the search statistics (a real refusal: triggers)."""
    tables = [
        "search_querystat",
        "search_zeroresultquery",
        "wagtailsearchpromotions_query",
        "wagtailsearchpromotions_querydailyhits",
    ]
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "sqlite":
                for event in ("INSERT", "UPDATE"):
                    cursor.execute(
                        f"CREATE TEMP TRIGGER refuse_{event.lower()}_{table} BEFORE {event} ON {table} "
                        "BEGIN SELECT RAISE(ABORT, 'écriture refusée'); END"
                    )
            else:
                cursor.execute(
                    "CREATE OR REPLACE FUNCTION refuse_write() RETURNS trigger AS "
                    "$$ BEGIN RAISE EXCEPTION 'écriture refusée'; END $$ LANGUAGE plpgsql"
                )
                cursor.execute(
                    f"CREATE TRIGGER refuse_write BEFORE INSERT OR UPDATE ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_write()"
                )
    yield
    if connection.vendor == "sqlite":  # temporary triggers outlive the test's rollback
        with connection.cursor() as cursor:
            for table in tables:
                for event in ("insert", "update"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS temp.refuse_{event}_{table}")


def test_recording_a_search_never_fails_it(client, pages, refusing_database):
    response = search(client, "vélo")
    assert [document.title for document in response.context["results"]] == ["Réparation vélos"]
    response = search(client, "ferronnerie")  # a zero-result search is recorded too
    assert response.context["page_obj"].paginator.count == 0
    assert not QueryStat.objects.exists()


def test_demo_proposes_searches_that_find_something_in_every_language(client, demo_content):
    for language in ("fr", "nl", "de", "en"):
        proposed = popular(client, language)
        assert proposed, language
        for query in proposed:
            response = search(client, query, language=language)
            assert response.context["page_obj"].paginator.count > 0, (language, query)


def test_a_visitors_search_keeps_the_cached_pages(client, pages):
    """Recording a search (Wagtail's search terms, the statistics) is not a publication: the
    pages and fragments cached for visitors stay valid."""
    from passerelles.publication import generation

    before = generation()
    with override_settings(SEARCH_RECORD_SECONDS=0):
        search(client, "vélo", times=2)
        search(client, "ferronnerie")
    assert QueryStat.objects.get(query_string="vélo").hits == 2
    assert generation() == before
