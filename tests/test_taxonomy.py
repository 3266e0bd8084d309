"""The curated vocabularies: loaded from the demo, listed in the admin, closed to free tagging."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from passerelles.vocabularies.models import Public, Sector, StructureType, Theme, Zone

pytestmark = pytest.mark.django_db


def test_demo_vocabularies_have_stable_slugs(demo_content):
    # The French terms are the canonical ones; their translations are counted apart.
    assert Sector.objects.canonical().get(slug="reparation-velos").name == "Réparation vélos"
    assert Public.objects.canonical().filter(slug="neet").exists()
    assert Theme.objects.canonical().filter(slug="validation-competences").exists()
    assert StructureType.objects.canonical().filter(slug="cisp").exists()
    assert Zone.objects.canonical().count() == 6


def test_vocabularies_refuse_free_tagging():
    assert all(model.free_tagging is False for model in (Sector, Public, Theme, StructureType, Zone))


def test_zone_distance_orders_neighbours(demo_content):
    zones = {zone.slug: zone for zone in Zone.objects.canonical()}
    namur = zones["namur"]
    assert namur.distance_km(zones["brabant-wallon"]) < namur.distance_km(zones["luxembourg"])


@pytest.mark.parametrize("model", [Sector, Public, Theme, StructureType, Zone])
def test_vocabulary_is_curated_in_the_admin(admin_client_logged, demo_content, model):
    url = reverse(f"wagtailsnippets_vocabularies_{model._meta.model_name}:list")
    response = admin_client_logged.get(url)
    assert response.status_code == 200
    assert escape(model.objects.canonical().first().name) in response.content.decode()
    add = reverse(f"wagtailsnippets_vocabularies_{model._meta.model_name}:add")
    response = admin_client_logged.post(add, {"name": "Valeur test", "slug": "valeur-test", "sort_order": 99})
    assert response.status_code == 302
    assert model.objects.canonical().filter(slug="valeur-test").exists()
