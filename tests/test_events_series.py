"""A series shows once in the upcoming listings, at its next date, with its rhythm in words."""

import datetime

import pytest
from django.utils import translation

from network.events.listing import upcoming_occurrences
from network.events.models import EventPage
from network.events.models.recurrence import BRUSSELS
from network.events.series import group_series
from tests.factories_events import AgendaPageFactory, CalendarPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

# A Thursday well ahead, so the test does not depend on today's date.
THURSDAY = datetime.datetime(2030, 1, 3, 14, 0, tzinfo=BRUSSELS)


@pytest.fixture
def calendar(home):
    return CalendarPageFactory(parent=AgendaPageFactory(parent=home), title="Réseau Hainaut")


def test_a_weekly_series_shows_once_with_its_rhythm(client, calendar):
    EventPageFactory(
        parent=calendar,
        title="Permanence",
        start=THURSDAY,
        end=THURSDAY + datetime.timedelta(hours=2),
        recurrence="WEEKLY",
        recurrence_until=datetime.date(2030, 3, 1),
    )
    EventPageFactory(parent=calendar, title="Visite", start=THURSDAY + datetime.timedelta(days=1))
    now = THURSDAY - datetime.timedelta(days=1)
    found = upcoming_occurrences(EventPage.objects.live(), now=now)
    assert [o.event.title for o in found].count("Permanence") == 9
    grouped = group_series(found)
    assert [o.event.title for o in grouped] == ["Permanence", "Visite"]
    series = grouped[0]
    assert series.start == THURSDAY and series.later == 8
    with translation.override("fr"):
        assert series.rhythm == "chaque jeudi jusqu’au 28 février 2030"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"recurrence": "WEEKLY", "recurrence_interval": 2}, "un jeudi sur 2"),
        ({"recurrence": "MONTHLY", "recurrence_count": 3}, "chaque mois jusqu’au 3 mars 2030"),
        ({"recurrence": "MONTHLY", "recurrence_interval": 2}, "tous les 2 mois"),
    ],
)
def test_rhythm_in_words(calendar, fields, expected):
    event = EventPageFactory(
        parent=calendar, start=THURSDAY, end=THURSDAY + datetime.timedelta(hours=2), **fields
    )
    occurrences = upcoming_occurrences(
        EventPage.objects.filter(pk=event.pk), now=THURSDAY - datetime.timedelta(days=1)
    )
    with translation.override("fr"):
        assert group_series(occurrences)[0].rhythm == expected
