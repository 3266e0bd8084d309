"""Real Chromium: a visitor filters the offers by a sector, opens one; axe finds nothing on either page."""

import pytest

from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_filter_offers_by_sector_and_open_one(page, site_server, demo_content, artifacts_dir):
    page.goto(site_server.url + "/offres/")
    page.get_by_label("Réparation vélos").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    assert "secteur=reparation-velos" in page.url
    cards = page.locator(".offer-card")
    assert cards.count() == 2
    assert page.get_by_role("heading", level=2, name="2 offres").is_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts_dir / "offers-listing.png"), full_page=True)

    page.get_by_role("link", name="Mécanicien·ne cycles : formation en atelier vélo").click()
    assert page.locator("h1").inner_text() == "Mécanicien·ne cycles : formation en atelier vélo"
    assert page.get_by_role("heading", name="Comment postuler ?").is_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts_dir / "offer.png"), full_page=True)


def test_offers_listing_is_usable_at_320_px(page, site_server, demo_content):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/offres/", "/offres/article-60-ressourcerie-namur/"):
        page.goto(site_server.url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 320, f"{path} déborde horizontalement ({scroll_width}px)"
