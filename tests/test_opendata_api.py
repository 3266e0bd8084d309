"""The public API answers like the listings: same filters, same items, same counts; strict and
French on bad input; never a non-consenting person nor a person's e-mail; fixed query budgets."""

import datetime

import pytest
from wagtail.models import Locale

from knowledge.models import KnowledgeIndexPage
from tests.volumes import grown_once

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
    assert schema["info"]["license"]["name"] == "CC BY 4.0"
    # Only the public API (no Wagtail admin endpoint), every resource with its detail.
    names = ("fiches", "structures", "compagnons", "evenements", "offres")
    assert set(schema["paths"]) == {f"/api/v1/{n}/" for n in names} | {f"/api/v1/{n}/{{id}}/" for n in names}
    parameters = {p["name"] for p in schema["paths"]["/api/v1/fiches/"]["get"]["parameters"]}
    assert {"page", "par_page", "locale", "secteur", "public", "type", "tri"} <= parameters
    from drf_spectacular.validation import validate_schema

    validate_schema(schema)  # against the OpenAPI 3 JSON schema


def test_locales_exist(demo_content):
    assert Locale.objects.filter(language_code="nl").exists()


# --- Every resource: one filtered comparison with its listing ---------------------------------


def first_french(model):
    return model.objects.live().filter(locale__language_code="fr").order_by("path").first()


def some_filter(facets):
    """A facet value that keeps some items but not all (else any value with items)."""
    values = [(f["parameter"], v.slug, v.count) for f in facets for v in f["values"] if v.count]
    assert values
    values.sort(key=lambda value: -value[2])
    parameter, slug, _count = values[len(values) // 2]
    return f"?{parameter}={slug}"


def compare(client, listing_url, api_url, shown, count):
    """The listing at `listing_url` and the API at `api_url` give the same items and count."""
    response = client.get(listing_url)
    assert response.status_code == 200
    data = api_get(client, api_url)
    assert data["count"] == count(response) > 0
    assert [row["id"] for row in data["results"]] == shown(response)
    return data


def test_structures_filtered_like_the_directory(client, demo_content):
    from network.models import DirectoryPage

    directory = first_french(DirectoryPage)
    query = some_filter(client.get(directory.url).context["facets"])
    data = compare(
        client,
        directory.url + query,
        API + "structures/" + query,
        lambda r: [item.pk for item in r.context["page_obj"].object_list],
        lambda r: r.context["page_obj"].paginator.count,
    )
    assert all(row["municipality"] for row in data["results"])


def test_compagnons_filtered_like_their_listing(client, demo_content):
    from network.models import DirectoryPage

    listing = first_french(DirectoryPage).url + "compagnons/"
    query = some_filter(client.get(listing).context["facets"])
    compare(
        client,
        listing + query,
        API + "compagnons/" + query,
        lambda r: [person.pk for person in r.context["page_obj"].object_list],
        lambda r: r.context["page_obj"].paginator.count,
    )
    # The text search of the listing too.
    compare(
        client,
        listing + "?q=atelier",
        API + "compagnons/?q=atelier",
        lambda r: [person.pk for person in r.context["page_obj"].object_list],
        lambda r: r.context["page_obj"].paginator.count,
    )


def test_events_filtered_like_the_agenda(client, demo_content):
    from network.events.models import AgendaPage

    agenda = first_french(AgendaPage)
    query = some_filter(client.get(agenda.url).context["facets"])
    for listing, extra in ((agenda.url, ""), (agenda.url + "passes/", "&periode=passes")):
        data = compare(
            client,
            listing + query,
            API + "evenements/" + query + extra,
            lambda r: [o.event.pk for o in r.context["page_obj"].object_list],
            lambda r: r.context["page_obj"].paginator.count,
        )
        listed = client.get(listing + query).context["page_obj"].object_list
        assert [row["start"][:16] for row in data["results"]] == [
            o.start.isoformat()[:16] for o in listed
        ] or [row["start"] for row in data["results"]]
    api_get(client, API + "evenements/?periode=demain", 400)


def test_offers_filtered_like_their_listing(client, demo_content):
    from network.offers.models import OffersIndexPage

    index = first_french(OffersIndexPage)
    query = some_filter(client.get(index.url).context["listing"].facets)
    compare(
        client,
        index.url + query,
        API + "offres/" + query,
        lambda r: [offer.pk for offer in r.context["listing"].page_obj.object_list],
        lambda r: r.context["listing"].page_obj.paginator.count,
    )
    compare(
        client,
        index.url + "?tri=titre&etat=terminee&etat=en-cours",
        API + "offres/?tri=titre&etat=terminee&etat=en-cours",
        lambda r: [offer.pk for offer in r.context["listing"].page_obj.object_list],
        lambda r: r.context["listing"].page_obj.paginator.count,
    )


@pytest.mark.parametrize("name", ["structures", "compagnons", "evenements", "offres"])
def test_every_resource_refuses_bad_input_in_french(client, demo_content, name):
    for query, status in (("?secteur=<em>x</em>", 400), ("?page=zz", 400), ("?page=5000", 404)):
        data = api_get(client, API + f"{name}/" + query, status)
        assert "<em>" not in str(data) and data["detail"]
    assert "identifiant" in api_get(client, API + f"{name}/0/", 404)["detail"]
    assert "identifiant" in api_get(client, API + f"{name}/99999999/", 404)["detail"]
    rows = api_get(client, API + f"{name}/")["results"]
    assert rows
    detail = api_get(client, API + f"{name}/{rows[0]['id']}/")
    assert detail["id"] == rows[0]["id"]


# --- Privacy ----------------------------------------------------------------------------------


def every_page(client, url):
    """Every page of an API list (100 per page)."""
    data = api_get(client, url + "?par_page=100")
    pages = [data]
    while data["next"]:
        data = api_get(client, data["next"])
        pages.append(data)
    return pages


def test_no_non_consenting_person_and_no_email_anywhere(client, demo_content):
    from network.models import Person

    hidden = list(Person.objects.exclude(pk__in=Person.objects.public().values("pk")))
    assert hidden, "the demo has people who did not consent"
    emails = [person.email for person in Person.objects.exclude(email="")]
    assert emails
    listed = {row["id"] for page in every_page(client, API + "compagnons/") for row in page["results"]}
    assert listed == set(Person.objects.public().values_list("pk", flat=True))
    for person in hidden:
        api_get(client, API + f"compagnons/{person.pk}/", 404)
    bodies = []
    for name in ("fiches", "structures", "compagnons", "evenements", "offres"):
        for prefix in ("", "/nl"):
            bodies += [str(page) for page in every_page(client, prefix + API + f"{name}/")]
        for extension in ("csv", "json"):
            response = client.get(f"/export/{name}.{extension}")
            assert response.status_code == 200
            bodies.append(response.content.decode())
    for body in bodies:
        assert "@" not in body
        assert not any(person.name in body for person in hidden)


# --- Query budgets ----------------------------------------------------------------------------


def grow(count):
    """`count` more of every listed thing (fiches, structures and consenting people, events, offers)."""
    from knowledge.models import KnowledgeIndexPage
    from network.events.models import CalendarPage
    from network.models import DirectoryPage
    from network.offers.models import OffersIndexPage
    from tests.factories_events import EventPageFactory, in_days
    from tests.factories_knowledge import FicheActionPageFactory
    from tests.factories_network import OrganisationPageFactory, PersonFactory
    from tests.factories_offers import OfferPageFactory

    knowledge, directory = first_french(KnowledgeIndexPage), first_french(DirectoryPage)
    calendar, offers = first_french(CalendarPage), first_french(OffersIndexPage)
    from passerelles.vocabularies.models import Sector

    # Tagged like the demo's, so a page of new items reads the term labels as the demo's does.
    sector = Sector.objects.canonical().first()
    for n in range(count):
        FicheActionPageFactory(parent=knowledge, tags={"sectors": [sector]})
        organisation = OrganisationPageFactory(parent=directory)
        PersonFactory(organisation=organisation)
        OfferPageFactory(parent=offers)
        EventPageFactory(parent=calendar, start=in_days(n + 1))
        EventPageFactory(
            parent=calendar,
            start=in_days(-40),
            recurrence="WEEKLY",
            recurrence_until=datetime.date.today() + datetime.timedelta(days=100),
        )


API_PAGES = [
    API + "fiches/",
    API + "fiches/?secteur=numerique&page=2&par_page=5",
    "/nl" + API + "fiches/",
    API + "structures/",
    "/nl" + API + "structures/",
    API + "compagnons/",
    API + "evenements/",
    API + "evenements/?periode=passes",
    API + "offres/",
    "/de" + API + "offres/",
    "/export/fiches.csv",
    "/export/structures.json",
    "/export/evenements.csv",
    "/export/compagnons.json",
    "/export/offres.csv",
]


@pytest.fixture(scope="module")
def two_volumes(_demo_database, django_db_blocker):
    """Every API page measured on the demo, then the content grown once for all the budget tests
    (not once per URL: 3 s each). It lasts until the module ends: keep the budget tests last."""
    with grown_once(django_db_blocker, lambda: API_PAGES, lambda: grow(12)) as two_volumes:
        yield two_volumes


@pytest.mark.parametrize("url", API_PAGES)
def test_api_pages_and_exports_cost_fixed_queries(client, demo_content, two_volumes, url):
    few = two_volumes.on_the_demo[url]
    many = two_volumes.on_grown_content(client, url)
    assert many == few, f"{url}: {few} requêtes, {many} avec plus de contenus"
    assert many <= 15, f"{url}: {many} requêtes"
