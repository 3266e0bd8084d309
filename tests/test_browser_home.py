"""Real Chromium: the home page has no axe-core violation, works at 320 px, and is screenshotted."""

import pytest

from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_home_page_is_accessible(page, site_server, demo_content, artifacts_dir):
    page.goto(site_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("navigation", name="Navigation principale").is_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts_dir / "home.png"), full_page=True)


def test_home_page_is_usable_at_320_px(page, site_server, demo_content, artifacts_dir):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_server.url + "/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"la page déborde horizontalement ({scroll_width}px)"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Aller au contenu"
    page.screenshot(path=str(artifacts_dir / "home-320.png"), full_page=True)


def test_search_box_finds_a_page(page, site_server, demo_content):
    from django.core.management import call_command

    call_command("update_index", stdout=open("/dev/null", "w"))
    page.goto(site_server.url + "/")
    page.get_by_label("Rechercher sur Passerelles").fill("accessibilité")
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("link", name="Déclaration d’accessibilité").click()
    assert page.locator("h1").inner_text() == "Déclaration d’accessibilité"
