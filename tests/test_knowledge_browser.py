"""Real Chromium: filter the knowledge listing by a sector without JavaScript, open a fiche; axe finds nothing."""

import pytest

from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_filter_by_sector_then_open_a_fiche(browser, site_server, demo_content, artifacts_dir):
    # JavaScript off: the filters must work with a plain form submission.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "/fiches-et-pratiques/")
    assert page.locator("h1").inner_text() == "Fiches et pratiques"
    page.get_by_role("checkbox", name="Réparation vélos").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    assert "secteur=reparation-velos" in page.url
    assert page.locator("#resultats").inner_text() == "2 contenus trouvés"
    assert page.get_by_role("checkbox", name="Réparation vélos").is_checked()
    page.screenshot(path=str(artifacts_dir / "knowledge-listing.png"), full_page=True)

    page.get_by_role("link", name="Former des mécaniciens et mécaniciennes vélo").click()
    assert page.locator("h1").inner_text() == "Former des mécaniciens et mécaniciennes vélo"
    page.get_by_role("navigation", name="Sommaire").get_by_role("link", name="Étapes").click()
    assert page.url.endswith("#etapes")
    page.screenshot(path=str(artifacts_dir / "knowledge-fiche.png"), full_page=True)
    context.close()


def test_listing_and_fiche_have_no_axe_violation(page, site_server, demo_content):
    page.goto(site_server.url + "/fiches-et-pratiques/?secteur=numerique")
    assert axe_violations(page) == []
    page.goto(site_server.url + "/fiches-et-pratiques/identite-numerique-et-recherche-emploi-en-ligne/")
    assert page.locator(".knowledge-stale").is_visible()
    assert axe_violations(page) == []


def test_fiche_fits_320_px(page, site_server, demo_content):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/fiches-et-pratiques/", "/fiches-et-pratiques/pc-reconditionnes-et-quatre-ateliers/"]:
        page.goto(site_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} déborde horizontalement ({width}px)"
