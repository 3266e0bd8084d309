"""What a result shows (the best passage of the right field, the content's own date) and what the
search box suggests (every word of the query, plurals)."""

import datetime

import pytest
from django.utils import timezone

from search.excerpts import decorate
from search.models import SearchDocument
from tests.factories_knowledge import FicheActionPageFactory, KnowledgeIndexPageFactory
from tests.factories_search import publish_page

pytestmark = pytest.mark.django_db

SEARCH = "/recherche/"
SUGGEST = "/recherche/suggestions/"


def first_result(client, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return response.context["results"][0], response.content.decode()


def suggested(client, query):
    return [suggestion["title"] for suggestion in client.get(SUGGEST, {"q": query}).json()["suggestions"]]


def test_the_excerpt_is_the_best_matching_passage_not_glued_fields():
    document = SearchDocument(
        locale="fr",
        title="Brico-Vélo",
        summary="Douze travailleurs en contrat d’insertion réparent des vélos.",
        body="EI-BXL-2019-014\nBruxelles\n1000\n"
        "Entreprise d’insertion fondée en 2019.\n"
        "Douze travailleurs assurent la réparation des vélos et forment des mécaniciens vélo.",
    )
    decorate(document, "réparation vélo", "fr")
    assert document.excerpt == (
        "Douze travailleurs assurent la <mark>réparation</mark> des <mark>vélos</mark> "
        "et forment des mécaniciens <mark>vélo</mark>."
    )
    decorate(document, "EI-BXL-2019-014", "fr")
    assert document.excerpt == "<mark>EI</mark>-<mark>BXL</mark>-<mark>2019</mark>-<mark>014</mark>"
    decorate(document, "Brico", "fr")  # the title alone matches: its summary, once
    assert document.excerpt == "Douze travailleurs en contrat d’insertion réparent des vélos."
    assert document.title_html == "<mark>Brico</mark>-Vélo"


def test_a_summary_repeated_in_the_description_is_shown_once(client, home):
    publish_page(
        home,
        "Charte du compagnonnage",
        introduction="Les engagements des structures qui accueillent.",
        search_description="Les engagements des structures qui accueillent.",
        text="Chaque structure ouvre ses ateliers une journée par trimestre.",
    )
    document = SearchDocument.objects.get()
    assert document.body.count("Les engagements") == 1
    result, html = first_result(client, "charte")
    assert result.excerpt == "Les engagements des structures qui accueillent."
    result, _html = first_result(client, "ateliers")
    assert "<mark>ateliers</mark>" in result.excerpt and "engagements" not in result.excerpt


def test_results_carry_the_content_own_date_not_the_indexing_day(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    reviewed = datetime.date(2024, 3, 14)
    FicheActionPageFactory(
        parent=index, title="Atelier CV en ligne", last_reviewed=reviewed
    ).save_revision().publish()
    result, html = first_result(client, "atelier cv")
    assert timezone.localdate(result.date) == reviewed
    assert '<time datetime="2024-03-14">' in html


def test_documents_without_a_date_show_none(client, home):
    from tests.factories_network import OrganisationPageFactory

    OrganisationPageFactory(parent=home, title="Vélo Châtelet").save_revision().publish()
    result, html = first_result(client, "chatelet")
    assert result.date is None
    assert "<time" not in html.split('class="result-list')[1]


def test_suggestions_on_every_word_and_plurals(client, home):
    publish_page(home, "Réparation vélos à Liège", text="Atelier.")
    publish_page(home, "Réparation d’ordinateurs", text="Numérique.")
    publish_page(home, "Le vélo partagé", text="Mobilité.")
    assert suggested(client, "reparation v") == ["Réparation vélos à Liège"]
    assert suggested(client, "reparation ") == ["Réparation d’ordinateurs", "Réparation vélos à Liège"]
    assert sorted(suggested(client, "velos")) == ["Le vélo partagé", "Réparation vélos à Liège"]
    assert suggested(client, "vélo rép") == ["Réparation vélos à Liège"]
    assert suggested(client, "liege velo") == ["Réparation vélos à Liège"]
    assert suggested(client, "velo xyz") == []


def test_suggestions_stay_bounded_with_many_candidates(client, home):
    from tests.factories_search import make_documents

    make_documents(300, title="Atelier vélo {n}")
    titles = suggested(client, "atel v")
    assert len(titles) == 8 and all(title.startswith("Atelier vélo") for title in titles)


@pytest.mark.parametrize(
    "params",
    [
        [("q", "vélo"), ("q", "atelier")],
        [("q", "vélo"), ("page", "2"), ("page", "x")],
        [("q", "vélo"), ("tri", "date"), ("tri", "<i>")],
        [("q", "vélo"), ("page", "9" * 400)],
        [("q", "vélo"), ("secteur", ""), ("public", "<b>neet</b>"), ("zone", "\x00")],
        [("q", "<mark>vélo</mark>")],
    ],
)
@pytest.mark.parametrize("language", ["fr", "nl", "de"])
def test_repeated_or_odd_parameters_in_every_language(client, home, params, language):
    from urllib.parse import urlencode

    from django.urls import reverse
    from django.utils import translation

    publish_page(home, "Atelier vélo", text="Réparation.")
    with translation.override(language):
        url = reverse("search:index")
        suggest = reverse("search:autocomplete")
    response = client.get(f"{url}?{urlencode(params)}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<b>" not in html and "<i>" not in html  # echoed parameters are escaped
    assert 'value="<mark>' not in html
    assert client.get(f"{suggest}?{urlencode(params)}").status_code == 200
