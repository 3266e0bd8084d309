"""The public API answers like the listings: same filters, same items, same counts; strict and
French on bad input; never a non-consenting person nor a person's e-mail; fixed query budgets."""

import pytest
from wagtail.models import Locale

from knowledge.models import KnowledgeIndexPage

pytestmark = pytest.mark.django_db

API = "/api/v1/"


def listing_ids(response):
    """Ids of the items a listing page shows (their French originals)."""
    page_obj = response.context["page_obj"]
    return [item.pk for item in page_obj.object_list], page_obj.paginator.count


def api_get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_fiches_filtered_like_the_listing(client, demo_content):
    index = KnowledgeIndexPage.objects.filter(locale__language_code="fr").first()
    query = "?secteur=numerique&public=femmes"
    listing = client.get(index.url + query)
    ids, count = listing_ids(listing)
    data = api_get(client, API + "fiches/" + query)
    assert data["count"] == count == 3
    assert [row["id"] for row in data["results"]] == ids
    assert data["licence"].startswith("CC BY 4.0")
    # Unfiltered, page 2 with the listing's page size: the listing's page 2.
    listing = client.get(index.url + "?page=2")
    ids, count = listing_ids(listing)
    data = api_get(client, API + "fiches/?page=2")
    assert data["count"] == count and [row["id"] for row in data["results"]] == ids
    assert data["previous"] and data["next"] is None or data["pages"] > 2


def test_fiches_in_another_language_list_the_same_items(client, demo_content):
    french = api_get(client, API + "fiches/?par_page=100")
    dutch = api_get(client, "/nl" + API + "fiches/?par_page=100")
    by_param = api_get(client, API + "fiches/?par_page=100&locale=nl")
    assert french["count"] == dutch["count"] == by_param["count"]
    assert [r["id"] for r in french["results"]] == [r["id"] for r in dutch["results"]]
    assert dutch["results"] == by_param["results"]
    assert {row["language"] for row in dutch["results"]} <= {"fr", "nl"}


@pytest.mark.parametrize(
    "query,status",
    [
        ("?secteur=inconnu", 400),
        ("?secteur=<script>alert(1)</script>", 400),
        ("?tri=nimporte", 400),
        ("?page=abc", 400),
        ("?page=-1", 400),
        ("?page=99999999999999999999", 400),
        ("?page=9999", 404),
        ("?par_page=0", 400),
        ("?par_page=1000", 400),
        ("?locale=xx", 400),
        ("?locale=<b>", 400),
    ],
)
def test_bad_parameters_are_refused_in_french(client, demo_content, query, status):
    data = api_get(client, API + "fiches/" + query, status)
    assert data["detail"]
    text = data["detail"] + " ".join(data.get("erreurs", []))
    assert "<script>" not in text and "<b>" not in text
    assert any(word in text for word in ("page", "Paramètres", "filtre", "tri", "Langue")), text


def test_unknown_id_is_404_in_french(client, demo_content):
    data = api_get(client, API + "fiches/999999999/", 404)
    assert "identifiant" in data["detail"]
    first = api_get(client, API + "fiches/")["results"][0]
    assert api_get(client, API + f"fiches/{first['id']}/")["title"] == first["title"]


def test_openapi_schema_describes_every_resource(client, demo_content):
    response = client.get(API + "schema/?format=json")
    assert response.status_code == 200
    import json

    schema = json.loads(response.content) if response.content.lstrip().startswith(b"{") else None
    if schema is None:
        import yaml

        schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/fiches/" in schema["paths"]
    assert schema["info"]["license"]["name"] == "CC BY 4.0"


def test_locales_exist(demo_content):
    assert Locale.objects.filter(language_code="nl").exists()
