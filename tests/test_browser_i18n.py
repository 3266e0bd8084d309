"""Real Chromium: a reader switches a fiche from French to Dutch and back with the switcher."""

import pytest

from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_switch_a_fiche_from_french_to_dutch_and_back(page, site_server, demo_content):
    page.goto(site_server.url + "/fiches-et-pratiques/formation-mecanicien-velo/")
    assert page.locator("h1").inner_text() == "Former des mécaniciens et mécaniciennes vélo"
    switcher = page.get_by_role("navigation", name="Choix de la langue")

    switcher.locator("a[hreflang=nl]").click()
    page.wait_for_url("**/nl/fiches-en-praktijken/opleiding-fietsmecanicien/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Fietsmecaniciens opleiden"
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Taalkeuze").locator("a[hreflang=fr]").click()
    page.wait_for_url("**/fiches-et-pratiques/formation-mecanicien-velo/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Former des mécaniciens et mécaniciennes vélo"


def test_switch_an_untranslated_fiche_to_german_and_back(page, site_server, demo_content):
    french_url = "/fiches-et-pratiques/bilan-de-parcours-professionnel/"
    page.goto(site_server.url + french_url)
    title = page.locator("h1").inner_text()

    page.get_by_role("navigation", name="Choix de la langue").locator("a[hreflang=de]").click()
    page.wait_for_url("**/de/**/bilan-de-parcours-professionnel/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == title  # the same fiche, in its French original
    assert page.get_by_role("note").first.inner_text() == (
        "Diese Seite gibt es noch nicht auf Deutsch: Hier ist das französische Original."
    )
    assert page.locator("h1").evaluate("h => h.closest('[lang]').lang") == "fr"
    assert axe_violations(page) == []

    page.locator(".language-switcher a[hreflang=fr]").click()
    page.wait_for_url("**" + french_url)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == title
