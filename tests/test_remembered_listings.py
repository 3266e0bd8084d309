"""What the listings remember until the next publication, so that they cost the same at 10,000
items as at 10: counts and facet counts, the map's GeoJSON and paged list, the agenda's iCal feed
and month grid, and the recurring series' dates (expanded once per publication and day).

The page cache is off here: these are the pages as they are built. Each test checks that a
remembered listing is really reused (fewer queries the second time) and that a publication is
visible on the very next anonymous request (never stale)."""

import datetime
import json

import pytest
from django.utils import timezone

from network.events.expansion import HORIZON_DAYS_AHEAD
from network.events.models import EventExceptionDate
from network.events.models.recurrence import BRUSSELS
from passerelles.vocabularies.models import Sector
from tests.factories_events import AgendaPageFactory, CalendarPageFactory, EventPageFactory, in_days
from tests.factories_knowledge import FicheActionPageFactory, KnowledgeIndexPageFactory
from tests.factories_network import DirectoryPageFactory, OrganisationPageFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def built_every_time(settings):
    settings.PASSERELLES_PAGE_CACHE = False


def facet(response, parameter, slug):
    values = next(group for group in response.context["facets"] if group["parameter"] == parameter)["values"]
    return next(value.count for value in values if value.slug == slug)


def test_knowledge_count_and_facets_are_reused_then_follow_a_publication(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    numerique = Sector.objects.create(name="Numérique", slug="numerique")
    FicheActionPageFactory(parent=index, tags={"sectors": [numerique]})
    first, built = count_queries(client, index.url + "?secteur=numerique")
    again, reused = count_queries(client, index.url + "?secteur=numerique")
    assert first.context["result_count"] == again.context["result_count"] == 1
    assert reused < built  # the count and the facets came from the cache

    FicheActionPageFactory(parent=index, tags={"sectors": [numerique]}, title="Repair café numérique")
    after = client.get(index.url + "?secteur=numerique")
    assert after.context["result_count"] == 2
    assert facet(after, "secteur", "numerique") == 2
    assert "Repair café numérique" in after.content.decode()


def test_unknown_filters_share_the_unfiltered_entry_and_say_so(client, home):
    index = KnowledgeIndexPageFactory(parent=home)
    FicheActionPageFactory(parent=index)
    plain = client.get(index.url)
    junk = client.get(index.url + "?secteur=%3Cscript%3E&secteur=" + "x" * 500)
    assert junk.status_code == 200
    assert junk.context["result_count"] == plain.context["result_count"] == 1
    assert "n’existe pas ou plus" in junk.content.decode()


@pytest.fixture
def directory(home):
    return DirectoryPageFactory(parent=home)


def test_the_map_lists_twenty_structures_a_page(client, directory):
    for number in range(25):
        OrganisationPageFactory(parent=directory, title=f"Structure {number:02d}")
    html = client.get(directory.url + "carte/").content.decode()
    assert "25 structures" in html
    assert html.count('<ul class="map-list">') == 1
    assert "Structure 00" in html and "Structure 19" in html and "Structure 20" not in html
    assert "Page 1 sur 2" in html
    second = client.get(directory.url + "carte/", {"page": "2"}).content.decode()
    assert "Structure 20" in second and "Structure 24" in second and "Structure 19" not in second
    beyond = client.get(directory.url + "carte/", {"page": "99"})
    assert beyond.status_code == 200
    assert "voici la dernière page" in beyond.content.decode()
    assert client.get(directory.url + "carte/", {"page": "abc"}).status_code == 200


def test_the_geojson_is_reused_then_shows_a_new_structure_at_once(client, directory):
    OrganisationPageFactory(parent=directory, title="Atelier du Sart")
    url = directory.url + "carte/geojson/"
    first, built = count_queries(client, url)
    again, reused = count_queries(client, url)
    assert again.content == first.content and reused < built
    assert again["Content-Type"] == "application/geo+json; charset=utf-8"

    OrganisationPageFactory(parent=directory, title="Recyclerie de Jambes")
    titles = [feature["properties"]["title"] for feature in json.loads(client.get(url).content)["features"]]
    assert sorted(titles) == ["Atelier du Sart", "Recyclerie de Jambes"]


@pytest.fixture
def calendar(home):
    return CalendarPageFactory(parent=AgendaPageFactory(parent=home), title="Réseau Hainaut")


def weekly(calendar, title="Permanence emploi", **fields):
    start = in_days(1)
    return EventPageFactory(
        parent=calendar,
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=2),
        recurrence="WEEKLY",
        **fields,
    )


def test_the_ical_feed_is_reused_then_shows_a_new_event_at_once(client, calendar):
    agenda = calendar.get_parent().specific
    EventPageFactory(parent=calendar, title="Bourse aux métiers")
    url = agenda.url + "ical/"
    first, built = count_queries(client, url)
    again, reused = count_queries(client, url)
    assert again.content == first.content and reused < built
    EventPageFactory(parent=calendar, title="Job dating HoReCa")
    body = client.get(url).content.decode()
    assert "SUMMARY:Bourse aux métiers" in body and "SUMMARY:Job dating HoReCa" in body


def test_a_series_shows_from_the_days_expansion_with_its_rhythm(client, calendar):
    until = timezone.localdate() + datetime.timedelta(days=60)
    weekly(calendar, recurrence_until=until)
    agenda = calendar.get_parent().specific
    html = client.get(agenda.url).content.decode()
    assert "Permanence emploi" in html
    # The last date comes from the expansion kept in the cache (a Thursday on or before `until`).
    assert "jusqu’au" in html
    past = client.get(agenda.url + "passes/")
    assert past.status_code == 200 and "Permanence emploi" not in past.content.decode()


def test_a_cancelled_date_of_a_series_disappears_on_the_next_request(client, calendar):
    event = weekly(calendar)
    agenda = calendar.get_parent().specific
    next_week = (event.start + datetime.timedelta(weeks=1)).astimezone(BRUSSELS)
    month = {"mois": next_week.strftime("%Y-%m")}
    before = client.get(agenda.url + "mois/", month).content.decode().count("Permanence emploi")
    assert before >= 2

    EventExceptionDate.objects.create(event=event, date=next_week.date())
    after = client.get(agenda.url + "mois/", month).content.decode().count("Permanence emploi")
    assert after == before - 2  # gone from the grid and from the list for narrow screens


def test_a_month_far_beyond_the_days_horizon_still_shows_the_series(client, calendar):
    weekly(calendar)
    agenda = calendar.get_parent().specific
    far = timezone.localdate() + datetime.timedelta(days=HORIZON_DAYS_AHEAD + 200)
    html = client.get(agenda.url + "mois/", {"mois": far.strftime("%Y-%m")}).content.decode()
    assert html.count("Permanence emploi") >= 4


def test_the_month_grid_shows_a_new_event_on_the_next_request(client, calendar):
    agenda = calendar.get_parent().specific
    start = in_days(2)
    month = {"mois": start.strftime("%Y-%m")}
    first, built = count_queries(client, agenda.url + "mois/", data=month)
    _again, reused = count_queries(client, agenda.url + "mois/", data=month)
    assert reused < built
    EventPageFactory(parent=calendar, title="Forum de l’insertion", start=start)
    assert "Forum de l’insertion" in client.get(agenda.url + "mois/", month).content.decode()


def test_event_cards_are_rendered_once_then_follow_a_publication(client, calendar):
    """The agenda's cards are remembered as HTML until the next publication: the same page
    again renders no card, and an edited, republished event shows its new text at once."""
    from django.test.signals import template_rendered

    event = EventPageFactory(parent=calendar, title="Bourse aux métiers", venue="Salle des fêtes")
    agenda = calendar.get_parent().specific
    cards = []

    def collect(sender, template, **kwargs):
        if template.name == "components/cards/event.html":
            cards.append(template.name)

    template_rendered.connect(collect)
    try:
        first = client.get(agenda.url).content.decode()
        rendered_first = len(cards)
        again = client.get(agenda.url).content.decode()
        assert rendered_first == 1 and len(cards) == rendered_first  # the second time from the cache
        assert again == first and "Salle des fêtes" in again

        event.venue = "Maison de l’emploi"
        event.save_revision().publish()
        after = client.get(agenda.url).content.decode()
        assert "Maison de l’emploi" in after and "Salle des fêtes" not in after
    finally:
        template_rendered.disconnect(collect)
