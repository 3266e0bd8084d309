"""The search page as a visitor meets it: facets, highlights, odd input, picks, suggestions, budget."""

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from passerelles.vocabularies.models import Public, Sector
from search.excerpts import highlight
from search.models import ZeroResultQuery
from tests.factories_search import make_documents, publish_page
from tests.helpers import assert_fixed_query_budget, html_errors

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"
UNREACHABLE_SEARCH_SERVER = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "passerelles-test-",
        "TIMEOUT": 2,
        "AUTO_UPDATE": False,
    }
}
ODD_QUERIES = [
    "",
    " ",
    "a",
    "é",
    "x" * 10_000,
    "vélo " * 3000,
    '"réparation vélo',
    '"""',
    "vélo AND OR NOT menuiserie",
    "NOT",
    "-vélo",
    "vél*",
    "*",
    "title:vélo",
    "NEAR(vélo menuiserie)",
    "(((",
    "^vélo~2",
    "\\",
    "<script>alert('x')</script>",
    "'; DROP TABLE search_searchdocument; --",
    "vé\x00lo",
    "\x00",
    "🚲 vélo 👷‍♀️",
    "%",
    "_",
    "0",
    "-1",
]


def facet(response, parameter):
    values = next(f for f in response.context["facets"] if f["parameter"] == parameter)["values"]
    return {value.slug: value.count for value in values}


@pytest.fixture
def vocabulary(db):
    bikes = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    wood = Sector.objects.create(name="Bois et menuiserie", slug="bois-menuiserie")
    neet = Public.objects.create(name="Jeunes NEET", slug="neet")
    return bikes, wood, neet


def test_facet_counts_follow_the_query_and_the_other_facets(client, home, vocabulary):
    bikes, wood, neet = vocabulary
    make_documents(3, sectors=[bikes], publics=[neet])
    make_documents(2, sectors=[bikes])
    make_documents(1, sectors=[wood], title="Menuiserie {n}")
    response = client.get(SEARCH, {"q": "vélo"})
    assert response.context["page_obj"].paginator.count == 6  # every body speaks of vélos
    assert facet(response, "secteur") == {"reparation-velos": 5, "bois-menuiserie": 1}
    assert facet(response, "public") == {"neet": 3}
    assert facet(response, "type") == {"page": 6}

    response = client.get(SEARCH, {"q": "vélo", "public": "neet"})
    assert response.context["page_obj"].paginator.count == 3
    assert facet(response, "secteur") == {"reparation-velos": 3}  # values giving nothing are hidden
    assert facet(response, "public") == {"neet": 3}  # disjunctive: its own choice is not applied

    response = client.get(SEARCH, {"q": "vélo", "secteur": ["bois-menuiserie", "inconnu"]})
    assert [d.title for d in response.context["results"]] == ["Menuiserie 5"]
    assert "n’existe pas ou plus" in response.content.decode()


def test_results_are_highlighted_and_escaped(client, home):
    publish_page(home, "Atelier <vélo> solidaire", text="On y répare des vélos &amp; des trottinettes.")
    html = client.get(SEARCH, {"q": "velo"}).content.decode()
    assert "Atelier &lt;<mark>vélo</mark>&gt; solidaire" in html
    assert "répare des <mark>vélos</mark> &amp; des trottinettes" in html


def test_highlight_escapes_first_then_marks():
    assert (
        highlight("Un <b>atelier</b> de vélos", "velo")
        == "Un &lt;b&gt;atelier&lt;/b&gt; de <mark>vélos</mark>"
    )
    assert highlight("rien à voir", "<mark>") == "rien à voir"


def test_date_order_and_pagination(client, home):
    first = publish_page(home, "Vélo, premier épisode", text="vélo")
    second = publish_page(home, "Épisode deux", text="Une histoire de vélo racontée longuement, vélo.")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.last_published_at < second.last_published_at
    by_date = [d.title for d in client.get(SEARCH, {"q": "vélo", "tri": "date"}).context["results"]]
    assert by_date == ["Épisode deux", "Vélo, premier épisode"]
    make_documents(25)
    response = client.get(SEARCH, {"q": "vélo", "page": "3"})
    assert response.context["page_obj"].number == 3 and len(response.context["results"]) == 7
    assert 'rel="prev"' in response.content.decode()


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_never_fail(client, home, query):
    publish_page(home, "Réparation vélos", text="Un atelier de menuiserie et de vélos.")
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    suggestions = client.get("/recherche/suggestions/", {"q": query})
    assert suggestions.status_code == 200 and "suggestions" in suggestions.json()


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "999999"},
        {"page": "-1"},
        {"tri": "<b>"},
        {"secteur": "x" * 5000},
        {"type": "1"},
    ],
)
def test_bad_parameters_get_a_page_and_a_french_message(client, home, params):
    publish_page(home, "Réparation vélos", text="vélos")
    response = client.get(SEARCH, {"q": "vélo", **params})
    assert response.status_code == 200
    assert [d.title for d in response.context["results"]] == ["Réparation vélos"]
    if "page" in params:  # the messages of every listing (passerelles.pagination)
        html = response.content.decode()
        assert "voici la première page" in html or "voici la dernière page" in html
    if "tri" in params:
        assert "Ce tri n’existe pas" in response.content.decode()
    if "secteur" in params or "type" in params:
        assert "n’existe pas ou plus" in response.content.decode()


def test_unreachable_search_server_falls_back_to_the_database(client, home):
    publish_page(home, "Réparation vélos à Liège", text="Atelier de remise en état.")
    publish_page(home, "Potager", text="On y parle aussi de réparation.")
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE_SEARCH_SERVER):
        response = client.get(SEARCH, {"q": "reparation"})
        suggestions = client.get("/recherche/suggestions/", {"q": "repar"}).json()["suggestions"]
    assert response.status_code == 200
    assert "Le moteur de recherche ne répond pas" in response.content.decode()
    assert [d.title for d in response.context["results"]] == ["Réparation vélos à Liège", "Potager"]
    assert [s["title"] for s in suggestions] == ["Réparation vélos à Liège"]


@pytest.mark.parametrize(
    "url",
    [
        SEARCH + "?q=v%C3%A9lo",
        SEARCH + "?q=v%C3%A9lo&secteur=reparation-velos",
        SEARCH + "?q=v%C3%A9lo&secteur=reparation-velos&public=neet&page=2",
        SEARCH + "?q=v%C3%A9lo&tri=date",
        SEARCH + "?q=ferronnerie",  # nothing found: spelling suggestions and popular queries
        SEARCH + "?secteur=bois-menuiserie",
        SEARCH,
    ],
)
def test_query_budget_is_fixed(client, home, vocabulary, url):
    """At most 15 queries, the same with 10 and 200 documents (facet counts, the total and the
    search statistics do not cost a query per facet, per value or per result)."""
    bikes, wood, neet = vocabulary
    Query.get("vélo")  # the popular-query row exists in both measures

    def grow(n):
        from search.models import SearchDocument

        make_documents(n - SearchDocument.objects.count(), sectors=[bikes, wood], publics=[neet])

    assert_fixed_query_budget(client, url, grow, budget=15)


def test_autocomplete_returns_titles_urls_and_types(client, home):
    page = publish_page(home, "Réparation vélos à Liège", text="Atelier.")
    publish_page(home, "Potager", text="Réparation de bacs.")
    response = client.get("/recherche/suggestions/", {"q": "repara"})
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "query": "repara",
        "suggestions": [{"title": "Réparation vélos à Liège", "url": page.url, "type": "Page"}],
    }
    assert client.get("/recherche/suggestions/", {"q": "r"}).json()["suggestions"] == []


def test_editors_picks_come_first(client, home):
    pick = publish_page(home, "Le guide du compagnonnage", text="Comment rendre visite à un collègue.")
    publish_page(home, "Visite d’atelier", text="compagnonnage")
    SearchPromotion.objects.create(
        query=Query.get("compagnonnage"), page=pick, sort_order=0, description="Pour commencer."
    )
    html = client.get(SEARCH, {"q": "Compagnonnage"}).content.decode()
    picks_at = html.index("Recommandé par l’équipe")
    assert html.index("Le guide du compagnonnage") > picks_at
    assert picks_at < html.index("result-list")
    assert "Pour commencer." in html


def test_popular_and_zero_result_queries_reach_editors(client, admin_client_logged, home):
    publish_page(home, "Menuiserie solidaire", text="Bois de récupération.")
    client.get(SEARCH, {"q": "Menuiserie"})
    client.get(SEARCH, {"q": "menuiserie", "page": "2"})  # paging is not a new search
    response = client.get(SEARCH, {"q": "menuserie"})
    assert "Vouliez-vous dire" in response.content.decode()
    assert "menuiserie" in [term.lower() for term in response.context["did_you_mean"]]
    client.get(SEARCH, {"q": "menuserie"})  # again within five minutes: written with the next one
    assert Query.objects.get(query_string="menuiserie").hits == 1
    assert ZeroResultQuery.objects.get(query_string="menuserie").hits == 1

    report = admin_client_logged.get(reverse("search_zero_results"))
    assert report.status_code == 200 and "menuserie" in report.content.decode()
    terms = admin_client_logged.get(reverse("wagtailsearchpromotions:search_terms"))
    assert terms.status_code == 200 and "menuiserie" in terms.content.decode()
    with override_settings(SEARCH_POPULAR_MIN_HITS=1):  # one search is enough here (default: 10)
        empty = client.get(SEARCH)
    assert "Recherches fréquentes" in empty.content.decode()


@pytest.mark.html
def test_results_page_is_valid_html(client, home, vocabulary):
    bikes, _wood, _neet = vocabulary
    make_documents(12, sectors=[bikes])
    pick = publish_page(home, "Guide vélo", text="vélo")
    SearchPromotion.objects.create(query=Query.get("vélo"), page=pick, sort_order=0, description="À lire.")
    for params in ({"q": "vélo"}, {"q": "introuvable"}, {}, {"secteur": "reparation-velos"}):
        html = client.get(SEARCH, params).content.decode()
        assert html_errors(html) == [], params
