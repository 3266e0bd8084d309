"""Real Chromium: the header's suggestions work with the keyboard; the results page passes axe."""

import pytest

from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_keyboard_picks_a_suggestion_and_opens_it(page, site_server, demo_content):
    page.goto(site_server.url + "/")
    box = page.get_by_role("combobox", name="Rechercher sur Passerelles")
    box.press_sequentially("accessib", delay=40)
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option", name="Déclaration d’accessibilité").wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url("**/accessibilite/")
    assert page.locator("h1").inner_text() == "Déclaration d’accessibilité"


def test_results_page_is_accessible_and_opens_a_result(page, site_server, demo_content, artifacts_dir):
    page.goto(site_server.url + "/recherche/?q=accessibilite")
    assert page.locator(".search-count").inner_text().startswith("1 résultat")
    assert page.locator(".search-hit mark").first.inner_text().lower().startswith("accessibilit")
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts_dir / "search-results.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_role("link", name="Déclaration d’accessibilité").click()
    assert page.locator("h1").inner_text() == "Déclaration d’accessibilité"
