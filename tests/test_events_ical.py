"""iCal feeds and files: RFC 5545 structure, stable UIDs, VTIMEZONE, RRULE and EXDATE, filters."""

import datetime

import icalendar
import pytest

from network.events.models import EventExceptionDate
from passerelles.vocabularies.models import Zone
from tests.factories_events import AgendaPageFactory, CalendarPageFactory, EventPageFactory, brussels, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(home):
    return AgendaPageFactory(parent=home)


@pytest.fixture
def zones(db):
    return {
        "hainaut": Zone.objects.create(name="Hainaut", slug="hainaut"),
        "liege": Zone.objects.create(name="Liège", slug="liege"),
    }


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_event_ics_is_a_valid_calendar_with_timezone(client, agenda):
    calendar = CalendarPageFactory(parent=agenda, title="Réseau Hainaut")
    event = EventPageFactory(
        parent=calendar,
        title="Café réseau",
        start=brussels(2026, 12, 3, 9, 30),
        end=brussels(2026, 12, 3, 11),
    )
    event.save_revision().publish()
    response = client.get(event.url + "ical/")
    assert 'attachment; filename="' in response["Content-Disposition"]
    feed = parse(response)
    assert feed["VERSION"] == "2.0" and feed["PRODID"]
    assert [tz["TZID"] for tz in feed.walk("VTIMEZONE")] == ["Europe/Brussels"]
    vevent = vevents(feed)["Café réseau"]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert vevent["DTEND"].params["TZID"] == "Europe/Brussels"
    assert vevent.decoded("DTSTART") == brussels(2026, 12, 3, 9, 30)
    assert vevent["DTSTAMP"] and str(vevent["UID"]).endswith("@localhost")
    assert "Rue des Capucins 12" in str(vevent["LOCATION"])
    raw = response.content.decode()
    assert "DTSTART;TZID=Europe/Brussels:20261203T093000" in raw
    assert "\r\n" in raw  # RFC 5545 line endings


def test_uid_and_content_are_stable_between_requests(client, agenda):
    event = EventPageFactory(parent=CalendarPageFactory(parent=agenda))
    event.save_revision().publish()
    first, second = client.get(event.url + "ical/"), client.get(event.url + "ical/")
    assert first.content == second.content
    uid = str(vevents(parse(first))[event.title]["UID"])
    assert uid == f"evenement-{event.translation_key}@localhost"
    feed_uid = str(vevents(parse(client.get(agenda.url + "ical/")))[event.title]["UID"])
    assert feed_uid == uid  # the same event keeps its UID in every feed


def test_recurring_event_has_rrule_and_exdate(client, agenda):
    event = EventPageFactory(
        parent=CalendarPageFactory(parent=agenda),
        title="Permanence numérique",
        start=brussels(2026, 10, 14, 14),
        end=brussels(2026, 10, 14, 16),
        recurrence="WEEKLY",
        recurrence_until=datetime.date(2026, 12, 16),
    )
    EventExceptionDate.objects.create(event=event, date=datetime.date(2026, 10, 28))
    vevent = vevents(parse(client.get(event.url + "ical/")))["Permanence numérique"]
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"][0] == datetime.datetime(2026, 12, 16, 22, 59, 59, tzinfo=datetime.UTC)
    exdates = [value.dt for value in vevent["EXDATE"].dts]
    assert exdates == [brussels(2026, 10, 28, 14)]
    assert vevent["EXDATE"].params["TZID"] == "Europe/Brussels"


def test_all_day_event_uses_dates(client, agenda):
    event = EventPageFactory(
        parent=CalendarPageFactory(parent=agenda),
        title="Validobus à Arlon",
        all_day=True,
        start=brussels(2026, 12, 5, 9),
        end=brussels(2026, 12, 5, 17),
    )
    vevent = vevents(parse(client.get(event.url + "ical/")))["Validobus à Arlon"]
    assert vevent.decoded("DTSTART") == datetime.date(2026, 12, 5)
    assert vevent.decoded("DTEND") == datetime.date(2026, 12, 6)


def test_calendar_feed_holds_only_its_events_and_the_agenda_all(client, agenda):
    hainaut = CalendarPageFactory(parent=agenda, title="Réseau Hainaut")
    epn = CalendarPageFactory(parent=agenda, title="EPN Bruxelles")
    EventPageFactory(parent=hainaut, title="Rencontre à Mons", start=in_days(3))
    EventPageFactory(parent=epn, title="Atelier CV", start=in_days(4))
    assert set(vevents(parse(client.get(hainaut.url + "ical/")))) == {"Rencontre à Mons"}
    agenda_feed = parse(client.get(agenda.url + "ical/"))
    assert set(vevents(agenda_feed)) == {"Rencontre à Mons", "Atelier CV"}
    assert str(agenda_feed["X-WR-CALNAME"]) == agenda.title


def test_filtered_feed_follows_the_query_string(client, agenda, zones):
    calendar = CalendarPageFactory(parent=agenda)
    mons = EventPageFactory(parent=calendar, title="Rencontre à Mons")
    mons.zones.set([zones["hainaut"]])
    mons.save()
    liege = EventPageFactory(parent=calendar, title="Rencontre à Liège", event_type="visite")
    liege.zones.set([zones["liege"]])
    liege.save()
    assert set(vevents(parse(client.get(agenda.url + "ical/?zone=hainaut")))) == {"Rencontre à Mons"}
    assert set(vevents(parse(client.get(agenda.url + "ical/?type=visite")))) == {"Rencontre à Liège"}
    # An unknown value is ignored, never an error.
    assert len(vevents(parse(client.get(agenda.url + "ical/?zone=atlantide&type=%3Cb%3E")))) == 2


def test_listing_offers_subscription_links_with_the_filters(client, agenda, zones):
    html = client.get(agenda.url + "?zone=hainaut").content.decode()
    # The subscription address is the Site's (localhost in these tests), not the request's host.
    assert 'href="webcal://localhost/agenda/ical/?zone=hainaut"' in html
    assert 'href="/agenda/ical/?zone=hainaut"' in html


def test_feed_never_contains_registrants(client, agenda):
    from tests.factories_events import RegistrationFactory

    event = EventPageFactory(parent=CalendarPageFactory(parent=agenda), registration_mode="site")
    RegistrationFactory(event=event, email="marie.personne@example.org")
    for url in [agenda.url + "ical/", event.url + "ical/", event.url, agenda.url]:
        assert "marie.personne@example.org" not in client.get(url).content.decode()
