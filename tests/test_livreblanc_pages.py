"""White paper pages: created in the admin, rendered in public, with a fixed query budget."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from knowledge.livreblanc.models import (
    ChapterPage,
    EditionPage,
    RecommendationEvent,
    RecommendationPage,
    RecommendationPractice,
    WhitePaperIndexPage,
)
from passerelles.vocabularies.models import Theme
from tests.factories import StandardPageFactory
from tests.factories_livreblanc import (
    ContributionFactory,
    EditionPageFactory,
    RecommendationPageFactory,
    RecommendationStatusFactory,
    WhitePaperIndexPageFactory,
    build_white_paper,
)
from tests.helpers import assert_fixed_query_budget, html_errors

pytestmark = pytest.mark.django_db


def add_page(client, model, parent, data):
    url = reverse("wagtailadmin_pages:add", args=("livreblanc", model._meta.model_name, parent.pk))
    response = client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page = model.objects.get(slug=data["slug"])
    assert page.live and page.get_parent().pk == parent.pk
    return page


def inline_forms(prefix, *rows):
    """The POST data of an InlinePanel: its management form and one form per row."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{name}": value for name, value in row.items()})
        data[f"{prefix}-{number}-ORDER"] = str(number + 1)
    return data


def test_every_page_type_can_be_created_in_admin(admin_client_logged, home):
    theme = Theme.objects.create(name="Mobilité", slug="mobilite")
    about = StandardPageFactory(parent=home, title="À propos", slug="a-propos")
    index = add_page(
        admin_client_logged,
        WhitePaperIndexPage,
        home,
        {"title": "Livre blanc", "slug": "livre-blanc", "introduction": "Ce que le secteur demande."},
    )
    edition = add_page(
        admin_client_logged,
        EditionPage,
        index,
        {
            "title": "Livre blanc 2026",
            "slug": "edition-2026",
            "year": "2026",
            "status": "consultation",
            "introduction": '{"blocks": [{"key": "a1", "type": "unstyled", "text": "Issue des concertations.", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        },
    )
    chapter = add_page(
        admin_client_logged,
        ChapterPage,
        edition,
        {"title": "Mobilité", "slug": "mobilite", "introduction": "Sans permis, pas d’emploi."},
    )
    recommendation = add_page(
        admin_client_logged,
        RecommendationPage,
        chapter,
        {
            "title": "Financer le permis de conduire",
            "slug": "permis",
            "obstacle": "Le permis coûte trop cher.",
            "themes": "Mobilité",
            "current_rule": "Les heures de conduite ne sont pas une action de formation.",
            "legal_reference": "Arrêté royal du 23 mars 1998 relatif au permis de conduire",
            "proposed_change": "Un forfait d’heures de conduite dans le parcours.",
            "authority": "region-wallonne",
            **inline_forms(
                "status_changes",
                {"status": "proposee", "date": "2026-03-12", "note": "Concertation de zone du Luxembourg."},
            ),
            **inline_forms("practice_links", {"page": str(about.pk)}),
            **inline_forms("event_links"),
        },
    )
    assert [tag.pk for tag in recommendation.themes.all()] == [theme.pk]
    assert recommendation.current_status.status == "proposee"
    html = admin_client_logged.get(recommendation.url).content.decode()
    assert "Financer le permis de conduire" in html
    assert f'href="{about.url}">À propos</a>' in html
    assert "Issue des concertations." in admin_client_logged.get(edition.url).content.decode()


def test_edit_views_open(admin_client_logged, home):
    edition, recommendations = build_white_paper(home, chapters=1, per_chapter=1)
    for page in [edition.get_parent(), edition, recommendations[0].get_parent(), recommendations[0]]:
        assert admin_client_logged.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200


def test_index_lists_editions_newest_first_with_their_pdf(client, home):
    index = WhitePaperIndexPageFactory(parent=home)
    EditionPageFactory(parent=index, title="Livre blanc 2025", year=2025, status="publiee")
    EditionPageFactory(parent=index, title="Livre blanc 2026", year=2026)
    html = client.get(index.url).content.decode()
    assert html.index("Livre blanc 2026") < html.index("Livre blanc 2025")
    assert "Publiée" in html and "En consultation" in html
    assert "/livre-blanc/livre-blanc-2025/pdf/" in html


def test_edition_renders_numbered_chapters_statuses_and_counts(client, home):
    edition, recommendations = build_white_paper(home, chapters=2, per_chapter=2)
    html = client.get(edition.url).content.decode()
    chapters = list(ChapterPage.objects.child_of(edition))
    assert chapters[0].title in html and chapters[1].title in html
    for recommendation in recommendations:
        assert recommendation.title in html
        assert f'href="{recommendation.url}"' in html
    assert '<span class="lb-number">2.2</span>' in html
    assert "Proposée" in html and "0 soutien" in html
    assert "Version imprimable" in html and f"{edition.url}pdf/" in html


def test_chapter_page_lists_its_recommendations_only(client, home):
    edition, recommendations = build_white_paper(home, chapters=2, per_chapter=2)
    chapter = recommendations[0].get_parent()
    html = client.get(chapter.url).content.decode()
    assert recommendations[0].title in html and recommendations[1].title in html
    assert recommendations[2].title not in html
    assert "chapitre 1" in html


def test_recommendation_page_shows_every_part(client, home):
    edition, recommendations = build_white_paper(home, chapters=1, per_chapter=1)
    recommendation = recommendations[0]
    about = StandardPageFactory(parent=home, title="À propos", slug="a-propos")
    event = StandardPageFactory(parent=home, title="Concertation de zone du Hainaut", slug="concertation")
    RecommendationPractice.objects.create(recommendation=recommendation, page=about)
    RecommendationEvent.objects.create(recommendation=recommendation, page=event)
    html = client.get(recommendation.url).content.decode()
    for text in [
        "L’obstacle",
        recommendation.obstacle,
        recommendation.current_rule,
        "Décret wallon du 10 juillet 2013",
        recommendation.proposed_change,
        "Région wallonne",
        "Proposée",
    ]:
        assert text in html, text
    assert f'<a href="{about.url}">À propos</a>' in html
    assert f'<a href="{event.url}">Concertation de zone du Hainaut</a>' in html


def test_unpublished_linked_pages_are_not_shown(client, home):
    edition, recommendations = build_white_paper(home, chapters=1, per_chapter=1)
    draft = StandardPageFactory(parent=home, title="Pratique en brouillon", live=False)
    RecommendationPractice.objects.create(recommendation=recommendations[0], page=draft)
    assert "Pratique en brouillon" not in client.get(recommendations[0].url).content.decode()


def grow_recommendations(edition):
    chapters = list(ChapterPage.objects.child_of(edition))

    def grow(count):
        existing = RecommendationPage.objects.descendant_of(edition).count()
        for number in range(existing, count):
            recommendation = RecommendationPageFactory(parent=chapters[number % len(chapters)])
            RecommendationStatusFactory(page=recommendation)

    return grow


def test_edition_query_budget_is_fixed(client, home):
    edition, _ = build_white_paper(home, chapters=3, per_chapter=1)
    assert_fixed_query_budget(client, edition.url, grow_recommendations(edition), budget=25)


def test_chapter_query_budget_is_fixed(client, home):
    edition, recommendations = build_white_paper(home, chapters=1, per_chapter=1)
    chapter = recommendations[0].get_parent()
    assert_fixed_query_budget(client, chapter.url, grow_recommendations(edition), budget=30)


def in_dutch(page, slug, title=None):
    """`page` copied into Dutch and published, as a translator would."""
    copy = page.copy_for_translation(Locale.objects.get_or_create(language_code="nl")[0])
    copy.slug = slug
    if title:
        copy.title = title
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def dutch_white_paper(home):
    index = WhitePaperIndexPageFactory(parent=home)
    older = EditionPageFactory(parent=index, title="Livre blanc 2025", year=2025, status="publiee")
    EditionPageFactory(parent=index, title="Livre blanc 2026", year=2026)
    in_dutch(home, "home-nl")
    dutch_index = in_dutch(index, "witboek", "Witboek")
    in_dutch(older, "witboek-2025", "Witboek 2025")
    return index, dutch_index


def test_dutch_index_lists_every_edition_translated_or_in_french(client, dutch_white_paper):
    index, dutch_index = dutch_white_paper
    html = client.get(dutch_index.url).content.decode()
    # The translated edition in Dutch at its Dutch address, the other one in French, marked so.
    assert '<a href="/nl/witboek/witboek-2025/">Witboek 2025</a>' in html
    assert (
        '<h2 class="lb-edition-card__title" lang="fr"><a href="/livre-blanc/livre-blanc-2026/" hreflang="fr">'
        "Livre blanc 2026</a></h2>"
    ) in html
    assert html.index("Livre blanc 2026") < html.index("Witboek 2025")
    assert "nog geen editie gepubliceerd" not in html


def test_dutch_index_query_budget_is_fixed(client, dutch_white_paper):
    index, dutch_index = dutch_white_paper

    def grow(count):
        for year in range(EditionPage.objects.filter(locale=index.locale).count(), count):
            EditionPageFactory(parent=index, year=1900 + year)

    assert_fixed_query_budget(client, dutch_index.url, grow, budget=24)


def test_index_query_budget_is_fixed(client, home):
    index = WhitePaperIndexPageFactory(parent=home)

    def grow(count):
        for year in range(EditionPage.objects.count(), count):
            EditionPageFactory(parent=index, year=1900 + year)

    assert_fixed_query_budget(client, index.url, grow, budget=20)


def test_recommendation_query_budget_is_fixed(client, home):
    edition, recommendations = build_white_paper(home, chapters=1, per_chapter=1)
    recommendation = recommendations[0]

    def grow(count):
        for _ in range(recommendation.status_changes.count(), count):
            RecommendationStatusFactory(page=recommendation)
            page = StandardPageFactory(parent=home)
            RecommendationPractice.objects.create(recommendation=recommendation, page=page)
            RecommendationEvent.objects.create(recommendation=recommendation, page=page)
            ContributionFactory(recommendation=recommendation, status="approuvee")

    assert_fixed_query_budget(client, recommendation.url, grow, budget=30)


def test_demo_white_paper(client, demo_content):
    edition = EditionPage.objects.get(slug="edition-2026", locale=Locale.get_default())
    assert edition.is_open
    assert Page.objects.get(slug="livre-blanc").show_in_menus
    chapters = ChapterPage.objects.child_of(edition)
    assert 3 <= chapters.count() <= 4
    recommendations = RecommendationPage.objects.descendant_of(edition).live()
    assert recommendations.count() >= 10
    assert all(r.status_changes.exists() and r.theme_items.exists() for r in recommendations)
    html = client.get(edition.url).content.decode()
    assert "Livre blanc" in client.get("/").content.decode()
    assert "soutiens" in html


@pytest.mark.html
def test_white_paper_pages_are_valid_html(client, demo_content):
    paths = [
        "/livre-blanc/",
        "/livre-blanc/edition-2026/",
        "/livre-blanc/edition-2026/imprimer/",
        "/livre-blanc/edition-2026/parcours-entre-structures/",
        "/livre-blanc/edition-2026/parcours-entre-structures/dossier-de-parcours-partage/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert html_errors(response.content.decode()) == [], path


def test_recommendations_are_searchable_by_their_text(home):
    edition, recommendations = build_white_paper(home, chapters=1, per_chapter=2)
    target = recommendations[1]
    target.proposed_change = "Faire venir le validobus dans les structures d’insertion."
    target.save_revision().publish()
    results = list(RecommendationPage.objects.live().search("validobus"))
    assert [page.pk for page in results] == [target.pk]
