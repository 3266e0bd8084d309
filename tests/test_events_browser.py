"""Real Chromium on the demo agenda: filter by zone, download an event's .ics, register; axe."""

import icalendar
import pytest

from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_filter_download_and_register(page, site_server, demo_content, artifacts_dir):
    page.goto(site_server.url + "/agenda/")
    assert axe_violations(page) == []
    page.get_by_role("group", name="Zone").get_by_label("Hainaut").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    assert "zone=hainaut" in page.url
    results = page.locator(".agenda__results")
    assert results.get_by_role("link", name="Visite d’un chantier de déconstruction à Tournai").is_visible()
    assert results.get_by_role("link", name="Validobus à Arlon").count() == 0
    page.screenshot(path=str(artifacts_dir / "agenda-hainaut.png"), full_page=True)

    results.get_by_role("link", name="Réseautage espaces verts et nettoyage").click()
    assert page.locator("h1").inner_text() == "Réseautage espaces verts et nettoyage"
    assert axe_violations(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ajouter à mon agenda (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "reseautage-espaces-verts-la-louviere.ics"
    with open(download.path(), "rb") as handle:
        feed = icalendar.Calendar.from_ical(handle.read())
    vevent = feed.walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "Réseautage espaces verts et nettoyage"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"

    page.get_by_label("Nom et prénom").fill("Camille Lejeune")
    page.get_by_label("Adresse e-mail").fill("camille.lejeune@example.org")
    page.get_by_label("Structure").fill("EI Les Jardins du Centre")
    page.get_by_role("button", name="M’inscrire").click()
    assert page.get_by_role("status").filter(has_text="Votre inscription est confirmée").is_visible()
    assert "camille.lejeune@example.org" not in page.content()


def test_month_view_is_accessible_at_320_px(page, site_server, demo_content):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_server.url + "/agenda/mois/")
    # A 7-column grid does not fit: the month is a list of its days with events.
    assert not page.get_by_role("table").is_visible()
    assert page.locator(".month-days").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []
