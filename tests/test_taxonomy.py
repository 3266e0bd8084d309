"""The curated vocabularies: loaded from the demo, listed in the admin, closed to free tagging."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from knowledge.models import Public, Sector, StructureType, Theme, Zone

pytestmark = pytest.mark.django_db


def test_demo_vocabularies_have_stable_slugs(demo_content):
    assert Sector.objects.get(slug="reparation-velos").name == "Réparation vélos"
    assert Public.objects.filter(slug="neet").exists()
    assert Theme.objects.filter(slug="validation-competences").exists()
    assert StructureType.objects.filter(slug="cisp").exists()
    assert Zone.objects.count() == 6


def test_vocabularies_refuse_free_tagging():
    assert all(model.free_tagging is False for model in (Sector, Public, Theme, StructureType, Zone))


def test_zone_distance_orders_neighbours(demo_content):
    namur = Zone.objects.get(slug="namur")
    assert namur.distance_km(Zone.objects.get(slug="brabant-wallon")) < namur.distance_km(
        Zone.objects.get(slug="luxembourg")
    )


@pytest.mark.parametrize("model", [Sector, Public, Theme, StructureType, Zone])
def test_vocabulary_is_curated_in_the_admin(admin_client_logged, demo_content, model):
    url = reverse(f"wagtailsnippets_knowledge_{model._meta.model_name}:list")
    response = admin_client_logged.get(url)
    assert response.status_code == 200
    assert escape(model.objects.first().name) in response.content.decode()
    add = reverse(f"wagtailsnippets_knowledge_{model._meta.model_name}:add")
    response = admin_client_logged.post(add, {"name": "Valeur test", "slug": "valeur-test", "sort_order": 99})
    assert response.status_code == 302
    assert model.objects.filter(slug="valeur-test").exists()
