"""Exports of the listings (CSV and JSON, with the listing's filters) and the developers' page."""

import csv
import io
import json
import re
from html import unescape

import pytest

from knowledge.models import KnowledgeIndexPage
from network.events.models import AgendaPage, CalendarPage
from network.models import DirectoryPage
from network.offers.models import OffersIndexPage

pytestmark = pytest.mark.django_db


def first_french(model):
    return model.objects.live().filter(locale__language_code="fr").order_by("path").first()


def download_links(html):
    """The CSV and JSON links of "Télécharger ces données" on a listing."""
    match = re.search(
        r'class="open-data-links">[^(]*\(<a href="([^"]+)"[^>]*>CSV</a>, <a href="([^"]+)"', html
    )
    assert match, "no download links"
    return unescape(match.group(1)), unescape(match.group(2))


def exported(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert "attachment" in response["Content-Disposition"]
    assert "creativecommons.org/licenses/by/4.0" in response["Link"]
    if ".csv" in url:
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        return rows
    data = json.loads(response.content)
    assert data["licence"] == "CC BY 4.0" and data["count"] == len(data["results"])
    return data["results"]


def listing_count(response):
    context = response.context
    return (
        context["listing"].page_obj.paginator.count
        if "listing" in context
        else context["page_obj"].paginator.count
    )


@pytest.mark.parametrize(
    "model,sub_path,query",
    [
        (KnowledgeIndexPage, "", "?secteur=numerique&page=2"),
        (KnowledgeIndexPage, "", ""),
        (DirectoryPage, "", "?zone=bruxelles"),
        (DirectoryPage, "compagnons/", ""),
        (AgendaPage, "", "?type=reseautage"),
        (AgendaPage, "passes/", ""),
        (OffersIndexPage, "", "?etat=terminee"),
    ],
)
def test_exports_linked_from_listings_have_the_listings_items(client, demo_content, model, sub_path, query):
    listing = client.get(first_french(model).url + sub_path + query)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Télécharger ces données" in html
    csv_url, json_url = download_links(html)
    assert "page=" not in csv_url
    count = listing_count(listing)
    assert count > 0
    rows = exported(client, csv_url)
    items = exported(client, json_url)
    assert len(rows) == len(items) == count
    assert [int(row["id"]) for row in rows] == [item["id"] for item in items]
    # The listing's first page is the export's beginning, in the same order.
    first_page = (
        listing.context["listing"].page_obj if "listing" in listing.context else listing.context["page_obj"]
    )
    if "page=2" not in query:
        shown = [getattr(item, "event", item).pk for item in first_page.object_list]
        assert [item["id"] for item in items[: len(shown)]] == shown


def test_a_calendar_has_no_export_of_the_whole_agenda(client, demo_content):
    html = client.get(first_french(CalendarPage).url).content.decode()
    assert "Télécharger ces données" not in html


def test_export_refuses_bad_input_in_french(client, demo_content):
    response = client.get("/export/fiches.csv?secteur=<script>")
    assert response.status_code == 400
    assert "<script>" not in response.content.decode() and "filtre" in response.json()["erreurs"][0]
    assert client.get("/export/fiches.xml").status_code == 404
    assert client.post("/export/fiches.csv").status_code == 405


def test_developers_page_is_french_linked_from_the_footer_and_states_the_licence(client, demo_content):
    home = client.get("/").content.decode()
    assert 'href="/donnees-ouvertes/"' in home
    response = client.get("/donnees-ouvertes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html and "CC BY 4.0" in html
    assert 'href="/api/v1/schema/"' in html
    for name in ("fiches", "structures", "compagnons", "evenements", "offres"):
        assert f'href="/api/v1/{name}/"' in html
        assert f'href="/export/{name}.csv"' in html
