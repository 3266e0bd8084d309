"""Search at volume: exact facets beyond a few thousand matches, bounded ranking, the index of the
database itself (no per-row ranking subquery), its fallback, the Elasticsearch path."""

import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from passerelles.vocabularies.models import Public, Sector
from search.backends import search_backends
from search.fulltext import terms as fulltext_terms
from search.models import SearchDocument
from tests.factories_search import make_documents, publish_page
from tests.helpers import assert_fixed_query_budget

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"


def facet(response, parameter):
    values = next(f for f in response.context["facets"] if f["parameter"] == parameter)["values"]
    return {value.slug: value.count for value in values}


@pytest.fixture
def sectors(db):
    return (
        Sector.objects.create(name="Réparation vélos", slug="reparation-velos"),
        Sector.objects.create(name="Bois et menuiserie", slug="bois-menuiserie"),
        Public.objects.create(name="Jeunes NEET", slug="neet"),
    )


def test_facets_stay_exact_at_5000_matches(client, home, sectors):
    """Facets count every match (SQL over the whole match set), not the best 1,000."""
    bikes, wood, neet = sectors
    make_documents(3000, sectors=[bikes], publics=[neet])
    make_documents(1500, sectors=[bikes, wood])
    make_documents(500, sectors=[wood], title="Menuiserie {n}")
    response = client.get(SEARCH, {"q": "vélo"})
    assert response.context["page_obj"].paginator.count == 5000
    assert facet(response, "secteur") == {"reparation-velos": 4500, "bois-menuiserie": 2000}
    assert facet(response, "public") == {"neet": 3000}
    assert facet(response, "type") == {"page": 5000}

    response = client.get(SEARCH, {"q": "vélo", "secteur": "bois-menuiserie", "page": "200"})
    assert response.context["page_obj"].paginator.count == 2000
    assert response.context["page_obj"].number == 200
    assert facet(response, "secteur") == {"reparation-velos": 4500, "bois-menuiserie": 2000}
    # No NEET document among the wood ones: the facet has nothing to offer and is hidden.
    assert "public" not in [f["parameter"] for f in response.context["facets"]]
    assert len(response.context["results"]) == 10


def test_beyond_the_ranking_limit_titles_come_first_then_the_newest(client, home, monkeypatch):
    make_documents(30, title="Atelier {n}")  # the word "vélo" in the body only
    make_documents(5, title="Vélo {n}")
    monkeypatch.setitem(fulltext_terms.RANK_LIMIT, connection.vendor, 10)
    seen = []
    for page in ("1", "2", "3", "4"):
        response = client.get(SEARCH, {"q": "vélo", "page": page})
        assert response.context["page_obj"].paginator.count == 35
        seen += [document.title for document in response.context["results"]]
    assert len(seen) == 35 and len(set(seen)) == 35  # every match once across the pages
    assert sorted(seen[:5]) == [f"Vélo {n}" for n in range(30, 35)]
    assert seen[5:] == [f"Atelier {n}" for n in range(29, -1, -1)]  # newest first (no date: by id)


def test_beyond_the_ranking_limit_a_chosen_facet_keeps_the_order_within_its_documents(
    client, home, sectors, monkeypatch
):
    wood = sectors[1]
    make_documents(12, title="Atelier {n}", sectors=[wood])  # the word "vélo" in the body only
    make_documents(6, title="Atelier {n}")  # not wood
    make_documents(3, title="Vélo {n}", sectors=[wood])
    make_documents(3, title="Vélo {n}")  # not wood
    monkeypatch.setitem(fulltext_terms.RANK_LIMIT, connection.vendor, 5)
    seen = []
    for page in ("1", "2"):
        response = client.get(SEARCH, {"q": "vélo", "secteur": "bois-menuiserie", "page": page})
        assert response.context["page_obj"].paginator.count == 15
        seen += [document.title for document in response.context["results"]]
    assert sorted(seen[:3]) == ["Vélo 18", "Vélo 19", "Vélo 20"]
    assert seen[3:] == [f"Atelier {n}" for n in range(11, -1, -1)]  # only wood ones, newest first


def test_titles_beyond_the_ranking_limit_come_newest_first_then_the_others(client, home, monkeypatch):
    """A word in more titles than can be ranked: title matches first, newest first, then the rest."""
    make_documents(4, title="Atelier {n}")  # the word "vélo" in the body only
    make_documents(6, title="Vélo {n}")
    monkeypatch.setitem(fulltext_terms.RANK_LIMIT, connection.vendor, 3)
    response = client.get(SEARCH, {"q": "vélo"})
    assert response.context["page_obj"].paginator.count == 10
    seen = [document.title for document in response.context["results"]]
    assert seen == [f"Vélo {n}" for n in range(9, 3, -1)] + [f"Atelier {n}" for n in range(3, -1, -1)]


def test_ranking_runs_inside_the_database_index(client, home):
    """Not Wagtail's per-row bm25 subquery (seconds at 10,000 documents): the database's own index."""
    publish_page(home, "Réparation vélos", text="Un atelier.")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"q": "velo"})
    assert [d.title for d in response.context["results"]] == ["Réparation vélos"]
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "modelsearch_indexentry" not in sql
    if connection.vendor == "sqlite":
        assert "search_document_fts MATCH" in sql and "ORDER BY rank LIMIT" in sql
    else:
        assert "search_vector @@ to_tsquery" in sql and "ts_rank" in sql
    with CaptureQueriesContext(connection) as queries:
        suggestions = client.get("/recherche/suggestions/", {"q": "repa v"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Réparation vélos"]
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert ("search_document_suggest MATCH" in sql) or ("suggest_vector @@" in sql)


def test_count_and_facets_read_no_document_row(client, home, sectors):
    """The matches are found once; the count and the facets then read narrow indexes checked
    against them (SQLite), never the wide document rows one by one (seconds at 100,000)."""
    bikes, wood, neet = sectors
    make_documents(40, sectors=[bikes], publics=[neet])
    make_documents(20, sectors=[bikes, wood])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"q": "vélo", "secteur": "bois-menuiserie"})
    assert response.context["page_obj"].paginator.count == 20
    assert facet(response, "secteur") == {"reparation-velos": 60, "bois-menuiserie": 20}
    statements = [query["sql"] for query in queries.captured_queries]
    if connection.vendor == "sqlite":
        plans = []
        with connection.cursor() as cursor:
            for sql in statements:
                if sql.startswith("SELECT") and "search_request_matches" in sql:
                    cursor.execute("EXPLAIN QUERY PLAN " + sql)
                    plans += [row[-1] for row in cursor.fetchall()]
        assert plans
        assert not [
            step for step in plans if "SEARCH search_searchdocument USING INTEGER PRIMARY KEY" in step
        ]
    else:
        # Found once into the request's table: the facets, the count and the ranking read it.
        assert len([sql for sql in statements if "search_vector @@" in sql]) == 1


def test_without_the_database_index_wagtail_search_api_answers(client, home):
    publish_page(home, "Réparation vélos", text="Un atelier.")
    publish_page(home, "Potager", text="Légumes.")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TABLE search_document_fts")
            cursor.execute("DROP TABLE search_document_suggest")
        else:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred check pending on the table
            cursor.execute("ALTER TABLE search_searchdocument DROP COLUMN search_vector")
            cursor.execute("ALTER TABLE search_searchdocument DROP COLUMN suggest_vector")
    response = client.get(SEARCH, {"q": "velo"})
    assert response.status_code == 200
    assert [d.title for d in response.context["results"]] == ["Réparation vélos"]
    assert "Le moteur de recherche ne répond pas" not in response.content.decode()
    suggestions = client.get("/recherche/suggestions/", {"q": "repar"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Réparation vélos"]


def test_query_budget_of_a_translated_search_and_of_suggestions(client, home, sectors):
    bikes, wood, neet = sectors

    def grow(n):
        make_documents(n - SearchDocument.objects.count(), sectors=[bikes, wood], publics=[neet])

    with translation.override("nl"):
        from django.urls import reverse

        dutch = reverse("search:index")
    assert_fixed_query_budget(client, dutch + "?q=velo&public=neet", grow, budget=15)
    # One statement, between the savepoint that lets the next engine answer and its release.
    assert_fixed_query_budget(client, "/recherche/suggestions/?q=atelier+v", grow, budget=3)


def test_elasticsearch_client_is_a_production_dependency():
    """`pip install .` (the README's production install) must bring the search server's client."""
    pyproject = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    production = [
        requirement.split(">")[0].split("<")[0].strip()
        for requirement in pyproject["project"]["dependencies"]
    ]
    assert "elasticsearch" in production


def test_publishing_with_a_search_server_configured_never_fails(client, home):
    """With SEARCH_URL set, publishing updates the documents; an unreachable server is only logged."""
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends("http://127.0.0.1:9")):
        page = publish_page(home, "Fiche publiée", text="Pendant une panne du serveur de recherche.")
    assert SearchDocument.objects.filter(source_id=str(page.pk)).exists()


def test_elasticsearch_gets_one_analyser_per_language():
    from wagtail.search.backends import get_search_backend

    from search.fulltext.generic import elasticsearch_fields

    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends("http://recherche.interne:9200")):
        backend = get_search_backend()
        mapping = backend.mapping_class(SearchDocument).get_mapping()["properties"]
        analysers = backend.settings["settings"]["analysis"]["analyzer"]
        for code in ("fr", "nl", "de", "en"):
            assert mapping[f"title_{code}"]["analyzer"] == f"passerelles_{code}"
            assert mapping[f"text_{code}"]["analyzer"] == f"passerelles_{code}"
            assert f"passerelles_{code}" in analysers
        assert "dutch_stemmer" in analysers["passerelles_nl"]["filter"]
        assert "german_light_stemmer" in analysers["passerelles_de"]["filter"]
        # A Dutch visitor's words go to the Dutch fields and to the French originals' fields.
        results = backend.search(
            "fietsen",
            SearchDocument.objects.filter(locale__in=["nl", "fr"]),
            fields=elasticsearch_fields("nl"),
        )
        query = results.query_compiler.get_query()
        assert query["bool"]["must"]["multi_match"]["fields"] == [
            "title_nl^5",
            "text_nl",
            "title_fr^5",
            "text_fr",
        ]
    # The database backends index the site's analysed text only.
    names = {field.field_name for field in SearchDocument.get_search_fields()}
    assert "title_nl" not in names and "search_title" in names


def test_a_dutch_document_feeds_its_own_fields():
    document = SearchDocument(locale="nl", title="Fietsherstelling", body="Fietsen", original_title="Vélos")
    assert document.title_nl() == "Fietsherstelling"
    assert document.title_fr() == "Vélos"
    assert document.title_de() == ""


def test_the_table_of_matches_does_not_grow_with_each_search(client, home, sectors):
    """A server's connection lives for many requests, and PostgreSQL never vacuums a temporary
    table: the rows of one search must not stay behind (dead) for the next ones to read through."""
    bikes, wood, neet = sectors
    make_documents(2000, sectors=[bikes])
    make_documents(3, sectors=[wood], title="Menuiserie {n}")
    for _ in range(3):
        assert client.get(SEARCH, {"q": "vélo"}).context["page_obj"].paginator.count == 2003
    assert client.get(SEARCH, {"q": "menuiserie"}).context["page_obj"].paginator.count == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_request_matches")
        assert cursor.fetchone()[0] == 3
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_relation_size('search_request_matches') / current_setting('block_size')::int"
            )
            assert cursor.fetchone()[0] <= 1
