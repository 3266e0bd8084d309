"""Real Chromium, at 320 px and 1280 px, on what a new visitor meets first (issue 20): the home,
the agenda (list and month), a fiche and its related content, the livre blanc, the search, a
compagnon's profile (the forms, with errors and after success: test_browser_forms.py).

Each test saves a screenshot under test-artifacts/ and asserts what a visitor would notice: no
sideways scroll, no raw markup shown as text, cards of equal width, no word cut in two, a series
shown once, counts that match the content; axe-core finds nothing on each page.
"""

import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect
from wagtail.models import Locale

from knowledge.livreblanc.models import RecommendationPage
from knowledge.models import KnowledgeItemPage
from network.events.models import EventPage
from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = [320, 1280]
SERIES = "Permanence numérique pour conseillers emploi"  # weekly in the demo

CUT_WORDS_JS = """(selector) => {
  // Words (of 3 letters or more) whose letters sit on two lines: a word cut in two.
  const cut = [];
  for (const root of document.querySelectorAll(selector)) {
    if (!root.offsetParent) continue;  // hidden
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[\\p{L}]{3,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) cut.push(match[0]);
      }
    }
  }
  return cut;
}"""


def open_at(page, url, width):
    page.set_viewport_size({"width": width, "height": 640 if width == 320 else 900})
    response = page.goto(url)
    assert response.status == 200, url


def assert_fits(page, width):
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"la page défile de côté ({scroll}px pour {width}px)"


def assert_no_markup_shown(page):
    text = page.locator("main").inner_text()
    assert not re.search(r"</?(p|b|strong|em|a|br|ul|li)\b[^>]*>", text), "du balisage s'affiche en texte"


def card_widths(page, selector):
    return [
        round(box["width"]) for box in (item.bounding_box() for item in page.locator(selector).all()) if box
    ]


def assert_equal_widths(page, selector):
    widths = card_widths(page, selector)
    assert len(widths) >= 2, selector
    assert max(widths) - min(widths) <= 1, f"{selector} : largeurs {sorted(set(widths))}"


def cut_words(page, selector="main"):
    return page.evaluate(CUT_WORDS_JS, selector)


def shot(page, artifacts_dir, name, width):
    page.screenshot(path=str(artifacts_dir / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", ["", "/nl"])
def test_home(page, site_server, demo_content, artifacts_dir, width, prefix):
    open_at(page, site_server.url + prefix + "/", width)
    assert_fits(page, width)
    assert_no_markup_shown(page)
    assert_equal_widths(page, ".sections .card-grid > li")
    events = page.locator(".home-events .card__title").all_inner_texts()
    assert len(events) == len(set(events)), f"une série remplit « Prochains événements » : {events}"
    assert axe_violations(page) == []
    shot(page, artifacts_dir, f"ux-home{prefix.replace('/', '-')}", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_agenda_list_shows_a_series_once(page, site_server, demo_content, artifacts_dir, width):
    open_at(page, site_server.url + "/agenda/", width)
    assert_fits(page, width)
    titles = page.locator(".event-list .card__title").all_inner_texts()
    assert titles.count(SERIES) == 1, titles
    card = page.locator(".event-card").filter(has_text=SERIES)
    # The demo dates its events from today: the series' weekday is the one of its first date.
    series = EventPage.objects.get(title=SERIES, locale__language_code="fr")
    with translation.override("fr"):
        weekday = date_format(timezone.localtime(series.start), "l")
    assert re.search(rf"Chaque {weekday} jusqu’au \d{{1,2}} \w+ \d{{4}}", card.inner_text())
    assert_equal_widths(page, ".event-list > li")
    assert axe_violations(page) == []
    shot(page, artifacts_dir, "ux-agenda", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_agenda_month_cuts_no_word(page, site_server, demo_content, artifacts_dir, width):
    open_at(page, site_server.url + "/agenda/mois/", width)
    assert_fits(page, width)
    grid, days = page.locator(".month-grid"), page.locator(".month-days")
    if width == 320:  # a list of days: no 7 columns of 40 px
        assert not grid.is_visible() and days.is_visible()
        assert days.locator("h3").count() >= 1
    else:
        assert grid.is_visible() and not days.is_visible()
    assert cut_words(page, ".month-days, .month-grid") == []
    assert axe_violations(page) == []
    shot(page, artifacts_dir, "ux-agenda-mois", width)


def fiche(language):
    original = KnowledgeItemPage.objects.get(slug="formation-mecanicien-velo", locale__language_code="fr")
    return (
        original if language == "fr" else original.get_translation(Locale.objects.get(language_code=language))
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_related_content_is_never_the_page_itself(
    page, site_server, demo_content, artifacts_dir, width, language
):
    shown = fiche(language)
    own_urls = {
        translation_page.url
        for translation_page in KnowledgeItemPage.objects.filter(translation_key=shown.translation_key)
    }
    open_at(page, site_server.url + shown.url, width)
    assert page.locator("html").get_attribute("lang") == language
    assert_fits(page, width)
    related = page.locator(".knowledge-related .card__title")
    assert related.count() >= 2
    languages = []
    for title in related.all():
        link = title.locator("a")
        assert link.get_attribute("href") not in own_urls, "« Dans la même veine » montre la page elle-même"
        language_of_link = title.get_attribute("lang") or language
        languages.append(language_of_link)
        if language_of_link != language:  # a French fallback is marked
            assert language_of_link == "fr" and link.get_attribute("hreflang") == "fr"
    # Content in the page's language comes before French fallbacks.
    assert languages == sorted(languages, key=lambda code: code != language)
    assert axe_violations(page) == []
    shot(page, artifacts_dir, f"ux-fiche-{language}", width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("prefix", "word"), [("", "recommandations"), ("/nl", "aanbevelingen")])
def test_livre_blanc_counts_its_recommendations(
    page, site_server, demo_content, artifacts_dir, width, prefix, word
):
    total = RecommendationPage.objects.live().filter(locale__language_code="fr").count()
    path = "/livre-blanc/" if not prefix else "/nl/witboek/"
    open_at(page, site_server.url + path, width)
    assert_fits(page, width)
    text = page.locator("main").inner_text()
    assert f"{total} {word}" in text
    assert "douze" not in text.lower()
    assert axe_violations(page) == []
    shot(page, artifacts_dir, f"ux-livre-blanc{prefix.replace('/', '-')}", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_results_are_cards_with_a_highlighted_passage(
    page, site_server, demo_content, artifacts_dir, width
):
    open_at(page, site_server.url + "/recherche/?q=velos", width)
    assert_fits(page, width)
    assert_no_markup_shown(page)
    hits = page.locator(".result-list .search-hit")
    assert hits.count() >= 5
    assert hits.locator(".card__text mark").count() >= 1  # the passage that matched, highlighted
    assert hits.locator("time").count() >= 1  # the content's own date
    assert_equal_widths(page, ".result-list > li")
    assert cut_words(page, ".result-list") == []
    assert axe_violations(page) == []
    shot(page, artifacts_dir, "ux-recherche", width)


LISTINGS = [
    ("/fiches-et-pratiques/", ".card"),
    ("/nl/fiches-en-praktijken/", ".card"),
    ("/offres/", ".card"),
    ("/agenda/", ".event-list .card"),
    ("/annuaire/", ".org-list .card"),
    ("/annuaire/compagnons/", ".card"),
    ("/recherche/?q=velo", ".search-hit"),
]


@pytest.mark.parametrize(("path", "first_result"), LISTINGS)
def test_first_result_of_a_listing_is_within_one_and_a_half_screens_at_320(
    page, site_server, demo_content, artifacts_dir, path, first_result
):
    open_at(page, site_server.url + path, 320)
    assert_fits(page, 320)
    top = page.locator("main " + first_result).first.bounding_box()["y"]
    assert top <= 1.5 * 640, f"{path} : premier résultat à {round(top)} px"
    # The filters and the menu wait behind their buttons, and open with a click.
    filters = page.locator("summary.facets-fold__summary")
    if filters.count():
        assert filters.inner_text().startswith("Filtrer") or filters.inner_text().startswith("Filter")
        filters.click()
        assert page.locator("form.facets").is_visible()
    page.locator("summary.site-menu__toggle").click()
    assert page.get_by_role(
        "navigation", name=re.compile("Navigation principale|Hoofdnavigatie")
    ).is_visible()
    assert axe_violations(page) == []
    shot(page, artifacts_dir, "ux-liste" + re.sub(r"[^a-z]+", "-", path).rstrip("-"), 320)


def test_filters_stay_open_on_a_wide_screen(page, site_server, demo_content):
    open_at(page, site_server.url + "/fiches-et-pratiques/", 1280)
    assert page.locator("form.facets").is_visible()
    assert not page.locator("summary.facets-fold__summary").is_visible()
    assert page.get_by_role("navigation", name="Navigation principale").is_visible()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_a_compagnon_profile(page, site_server, demo_content, artifacts_dir, width, language):
    """Its own title and breadcrumb (not the directory's), its meetup form; the forms themselves,
    with errors and after success, are in test_browser_forms.py."""
    from network.models import DirectoryPage, Person

    person = Person.objects.public().get(name="Youssef El Amrani")
    directory = DirectoryPage.objects.get(locale__language_code=language)
    open_at(page, site_server.url + directory.person_url(person), width)
    assert page.locator("html").get_attribute("lang") == language
    assert page.title().startswith(person.name)
    assert page.locator("h1").inner_text() == person.name
    crumbs = page.get_by_role("navigation", name=re.compile("Fil d’Ariane|Kruimelpad")).locator("li")
    assert crumbs.first.inner_text() == {"fr": "Accueil", "nl": "Startpagina"}[language]
    assert crumbs.last.inner_text() == person.name
    assert page.locator("#demande form").is_visible()
    assert_fits(page, width)
    assert_no_markup_shown(page)
    assert axe_violations(page) == []
    shot(page, artifacts_dir, f"ux-compagnon-{language}", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_practice_shows_who_can_show_it_nearest_first(
    page, site_server, demo_content, artifacts_dir, width
):
    practice = KnowledgeItemPage.objects.get(slug="mentorat-en-espaces-verts", locale__language_code="fr")
    open_at(page, site_server.url + practice.url, width)
    block = page.locator("#compagnons")
    assert block.get_by_role("heading", name="Qui peut me montrer cette pratique ?").is_visible()
    assert block.locator(".card").count() >= 2
    block.get_by_label("Votre zone, pour voir d’abord les plus proches").select_option(label="Luxembourg")
    block.get_by_role("button", name="Trier par proximité").click()
    assert "zone=luxembourg" in page.url
    first = page.locator("#compagnons .card__text").first.inner_text()
    assert "Luxembourg" in first, first
    assert_fits(page, width)
    assert axe_violations(page) == []
    shot(page, artifacts_dir, "ux-pratique-compagnons", width)


def test_after_filtering_the_focus_is_on_the_result_count(page, site_server, demo_content):
    open_at(page, site_server.url + "/fiches-et-pratiques/", 1280)
    assert page.locator("a[data-results-link]").get_attribute("href") == "#resultats"
    page.locator("form.facets input[type=checkbox]").first.check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    # The click starts a navigation: wait for the filtered page before reading the focus.
    page.wait_for_url(re.compile(r"[?&]type="))
    expect(page.locator("#resultats")).to_be_focused()
