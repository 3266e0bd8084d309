"""Dates and times are written the way each language writes them."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

BRUSSELS = ZoneInfo("Europe/Brussels")
START = datetime.datetime(2027, 3, 16, 14, 30, tzinfo=BRUSSELS)  # a Tuesday

TEMPLATE = Template(
    '{% load passerelles_tags %}{{ start|date:"DATE_FORMAT" }}|{{ start|time:"TIME_FORMAT" }}|{{ start|weekday_date }}'
)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fr", "16 mars 2027|14:30|mardi 16 mars 2027"),
        ("nl", "16 maart 2027|14:30|dinsdag 16 maart 2027"),
        ("de", "16. März 2027|14:30|Dienstag, 16. März 2027"),
        ("en", "16 March 2027|14:30|Tuesday 16 March 2027"),
    ],
)
def test_dates_follow_the_language(language, expected):
    with translation.override(language):
        assert TEMPLATE.render(Context({"start": START})) == expected


@pytest.mark.django_db
def test_an_event_page_shows_its_date_in_dutch(client, home):
    from tests.factories_events import AgendaPageFactory, CalendarPageFactory, EventPageFactory

    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home))
    event = EventPageFactory(parent=calendar, start=START, end=START + datetime.timedelta(hours=2))
    assert "mardi 16 mars 2027" in client.get(event.url).content.decode()
    with translation.override("nl"):
        html = Template("{% load passerelles_tags %}{{ start|weekday_datetime }}").render(
            Context({"start": START})
        )
    assert html == "dinsdag 16 maart 2027, 14:30"
