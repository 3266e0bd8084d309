"""Real Chromium: open the white paper, support a recommendation, follow it to a supporting page;
axe-core finds nothing on the edition and on a recommendation."""

import re

import pytest
from django.core.cache import cache

from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "Un dossier de parcours qui suit la personne d’une structure à l’autre"


def test_read_support_and_follow_a_recommendation(page, site_server, demo_content, artifacts_dir):
    cache.clear()  # rate limits from earlier tests
    page.goto(site_server.url + "/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Livre blanc"
    ).click()
    page.get_by_role("link", name=re.compile("Livre blanc 2026")).first.click()
    assert "lever les freins" in page.locator("h1").inner_text()
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts_dir / "livreblanc-edition.png"), full_page=True)

    page.get_by_role("link", name=re.compile(re.escape(TITLE))).click()
    assert page.locator("h1").inner_text() == TITLE
    assert axe_violations(page) == []
    support = page.locator("#soutien-section")
    assert "23 soutiens" in support.inner_text()
    support.get_by_role("button", name=re.compile("Je soutiens")).click()
    assert "24 soutiens" in page.locator("#soutien-section").inner_text()
    assert "est compté" in page.locator(".lb-notices").inner_text()
    assert page.locator("#soutien-section").get_by_role("button").count() == 0
    page.screenshot(path=str(artifacts_dir / "livreblanc-recommandation.png"), full_page=True)

    page.get_by_role("region", name="Pratiques qui l’appuient").get_by_role("link").first.click()
    assert page.locator("h1").inner_text() == "Le suivi post-formation en trois rendez-vous"


def test_recommendation_is_usable_at_320_px(page, site_server, demo_content):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(
        site_server.url + "/livre-blanc/edition-2026/parcours-entre-structures/dossier-de-parcours-partage/"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.goto(site_server.url + "/livre-blanc/edition-2026/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
