"""The printable page and the PDF of an edition: every recommendation, a table of contents with page
numbers, a running title; earlier (published) editions stay downloadable."""

import io
import re

import pytest
from django.core.cache import cache
from pypdf import PdfReader
from wagtail.models import Locale

from knowledge.livreblanc.models import EditionPage, RecommendationPage, RecommendationPractice
from tests.factories import StandardPageFactory
from tests.factories_livreblanc import build_white_paper
from tests.helpers import is_tagged

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # rendered PDFs and rate limits are kept in the cache
    yield
    cache.clear()


def pdf_pages(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    # Titles may wrap over two lines: compare on normalised whitespace.
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_pdf_holds_every_recommendation_and_a_paged_table_of_contents(client, home):
    edition, recommendations = build_white_paper(home, chapters=3, per_chapter=4)
    about = StandardPageFactory(parent=home, title="À propos", slug="a-propos")
    RecommendationPractice.objects.create(recommendation=recommendations[0], page=about)
    response = client.get(edition.url + "pdf/")
    assert 'filename="livre-blanc-2026.pdf"' in response["Content-Disposition"]
    assert is_tagged(response)  # PDF/UA
    pages = pdf_pages(response)
    text = " ".join(pages)
    for recommendation in recommendations:
        assert recommendation.title in text, recommendation.title
    assert "Table des matières" in pages[1]
    # The table of contents gives the page where recommendation 1.1 starts (target-counter).
    toc_entry = re.search(rf"1\.1 {re.escape(recommendations[0].title)} \.+ (\d+)", pages[1])
    assert toc_entry, pages[1]
    start = int(toc_entry.group(1))
    assert recommendations[0].title in pages[start - 1]
    # Running title and "page x / y" footer on content pages, not on the cover.
    assert "Livre blanc 2026" in pages[2] and f"3 / {len(pages)}" in pages[2]
    assert f"1 / {len(pages)}" not in pages[0]
    assert "Décret wallon du 10 juillet 2013" in text and "À propos" in text


def test_published_edition_stays_downloadable(client, home):
    edition, recommendations = build_white_paper(
        home, chapters=1, per_chapter=2, status=EditionPage.Status.PUBLISHED
    )
    text = " ".join(pdf_pages(client.get(edition.url + "pdf/")))
    assert "Publiée" in text and recommendations[1].title in text


def test_printable_page_has_the_full_text_and_a_print_stylesheet(client, home):
    edition, recommendations = build_white_paper(home, chapters=2, per_chapter=2)
    about = StandardPageFactory(parent=home, title="Atelier vélo partagé", slug="atelier-velo")
    RecommendationPractice.objects.create(recommendation=recommendations[3], page=about)
    html = client.get(edition.url + "imprimer/").content.decode()
    assert f'<a href="{about.url}">Atelier vélo partagé</a>' in html
    assert 'livreblanc-print.css" media="print"' in html
    for recommendation in recommendations:
        assert recommendation.title in html
    assert html.count("Le changement demandé") == len(recommendations)
    assert "Je soutiens" not in html


def test_demo_pdf_holds_every_recommendation(client, demo_content):
    edition = EditionPage.objects.get(slug="edition-2026", locale=Locale.get_default())
    text = " ".join(pdf_pages(client.get(edition.url + "pdf/")))
    titles = RecommendationPage.objects.descendant_of(edition).live().values_list("title", flat=True)
    assert len(titles) >= 10
    for title in titles:
        assert title in text, title


def test_pdf_is_rendered_once_until_the_edition_changes(client, home, settings):
    settings.LIVREBLANC_PDF_REFRESH_SECONDS = 0  # supports show at once
    edition, recommendations = build_white_paper(home, chapters=1, per_chapter=2)
    first = client.get(edition.url + "pdf/").content
    assert client.get(edition.url + "pdf/").content == first
    client.post(edition.url + "soutenir/", {"recommendation": recommendations[0].pk})
    after_support = client.get(edition.url + "pdf/").content
    assert after_support != first
    assert "1 soutien" in " ".join(pdf_pages(client.get(edition.url + "pdf/")))
    recommendations[1].title = "Un titre revu après la concertation"
    recommendations[1].save_revision().publish()
    assert "Un titre revu après la concertation" in " ".join(pdf_pages(client.get(edition.url + "pdf/")))


def test_new_supports_rebuild_the_pdf_at_most_once_per_refresh_period(client, home, settings):
    settings.LIVREBLANC_PDF_REFRESH_SECONDS = 15 * 60
    edition, recommendations = build_white_paper(home, chapters=1, per_chapter=2)
    first = client.get(edition.url + "pdf/").content
    client.post(edition.url + "soutenir/", {"recommendation": recommendations[0].pk})
    client.post(edition.url + "soutenir/", {"recommendation": recommendations[1].pk})
    # Within the period: the same PDF, not rebuilt for each support.
    assert client.get(edition.url + "pdf/").content == first
    # Past the period, the supports show.
    settings.LIVREBLANC_PDF_REFRESH_SECONDS = 0
    assert "1 soutien" in " ".join(pdf_pages(client.get(edition.url + "pdf/")))
    # A publication shows at once, whatever the period.
    settings.LIVREBLANC_PDF_REFRESH_SECONDS = 15 * 60
    recommendations[1].title = "Un titre publié pendant la période"
    recommendations[1].save_revision().publish()
    assert "Un titre publié pendant la période" in " ".join(pdf_pages(client.get(edition.url + "pdf/")))
