"""Real Chromium: find a compagnon by sector and zone, ask for a meetup; axe on directory, map, profile."""

from datetime import timedelta

import pytest
from django.utils import timezone

from network.models import MeetupRequest
from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_find_a_compagnon_by_sector_and_zone_and_ask_for_a_meetup(page, site_server, demo_content):
    page.goto(site_server.url + "/annuaire/compagnons/")
    page.get_by_label("Bâtiment", exact=False).first.check()
    page.locator("#f-zone-hainaut").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    assert "secteur=batiment" in page.url and "zone=hainaut" in page.url
    page.get_by_role("link", name="Didier Mahieu").click()
    assert page.locator("h1").inner_text() == "Didier Mahieu"
    assert axe_violations(page) == []

    start = timezone.localdate() + timedelta(days=14)
    page.get_by_label("Votre nom").fill("Inès Moreau")
    page.get_by_label("Votre adresse e-mail").fill("ines.moreau@seconde-vie.example")
    page.get_by_label("Votre structure").fill("EI Seconde Vie")
    page.get_by_label("À partir du").fill(start.isoformat())
    page.get_by_label("Jusqu'au").fill((start + timedelta(days=20)).isoformat())
    page.get_by_label("Votre message").fill(
        "Nous rénovons des logements sociaux et voudrions voir votre chantier."
    )
    page.get_by_label("J'accepte que mon nom").check()
    page.get_by_role("button", name="Envoyer ma demande").click()
    assert page.get_by_role("heading", name="Merci, votre demande est bien enregistrée").is_visible()
    assert MeetupRequest.objects.filter(requester_email="ines.moreau@seconde-vie.example").count() == 1


def test_directory_and_map_are_accessible_and_the_map_shows_markers(page, site_server, demo_content):
    page.goto(site_server.url + "/annuaire/")
    assert axe_violations(page) == []
    page.goto(site_server.url + "/annuaire/carte/?zone=namur")
    page.wait_for_selector("[data-directory-map][data-markers]")
    markers = page.locator(".leaflet-marker-icon")
    assert markers.count() == 4
    assert page.locator('.leaflet-marker-icon[title="La Ressourcerie du Confluent"]').count() == 1
    assert axe_violations(page) == []
