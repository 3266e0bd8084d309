"""Recurring events: weekly and monthly rules in Brussels time, exceptions, the month grid."""

import datetime

import pytest

from network.events.listing import month_grid, parse_month, shift_month
from network.events.models import EventPage
from network.events.models.recurrence import BRUSSELS, EventExceptionDate, occurrences
from tests.factories_events import AgendaPageFactory, CalendarPageFactory, EventPageFactory, brussels

UTC = datetime.UTC
# Building a page instance looks up its content type.
pytestmark = pytest.mark.django_db


def unsaved_event(**fields):
    defaults = {"title": "Permanence", "start": brussels(2026, 10, 14, 14), "end": brussels(2026, 10, 14, 16)}
    return EventPage(**{**defaults, **fields})


def test_weekly_event_keeps_its_local_hour_across_the_october_time_change():
    event = unsaved_event(recurrence="WEEKLY", recurrence_count=4)
    found = occurrences(event, exception_dates=set())
    assert [o.local_start.strftime("%d/%m %H:%M") for o in found] == [
        "14/10 14:00",
        "21/10 14:00",
        "28/10 14:00",
        "04/11 14:00",
    ]
    # The switch to winter time on 25 October moves the UTC hour, not the local one.
    assert [o.start.astimezone(UTC).hour for o in found] == [12, 12, 13, 13]
    assert all(o.local_end.hour == 16 for o in found)


def test_weekly_event_across_the_march_time_change():
    event = unsaved_event(
        start=brussels(2027, 3, 17, 9, 30),
        end=brussels(2027, 3, 17, 11),
        recurrence="WEEKLY",
        recurrence_count=3,
    )
    found = occurrences(event, exception_dates=set())
    assert [o.local_start.hour for o in found] == [9, 9, 9]
    assert [o.start.astimezone(UTC).hour for o in found] == [8, 8, 7]


def test_exception_dates_and_until_limit_the_series():
    event = unsaved_event(recurrence="WEEKLY", recurrence_until=datetime.date(2026, 11, 11))
    found = occurrences(event, exception_dates={datetime.date(2026, 10, 28)})
    assert [o.local_start.date().isoformat() for o in found] == [
        "2026-10-14",
        "2026-10-21",
        "2026-11-04",
        "2026-11-11",
    ]


def test_monthly_every_other_month_within_a_window():
    event = unsaved_event(recurrence="MONTHLY", recurrence_interval=2, recurrence_count=6)
    window_start = datetime.datetime(2027, 1, 1, tzinfo=BRUSSELS)
    window_end = datetime.datetime(2027, 12, 31, tzinfo=BRUSSELS)
    found = occurrences(event, window_start, window_end, exception_dates=set())
    assert [o.local_start.strftime("%Y-%m-%d %H:%M") for o in found] == [
        "2027-02-14 14:00",
        "2027-04-14 14:00",
        "2027-06-14 14:00",
        "2027-08-14 14:00",
    ]


def test_single_event_only_in_windows_it_overlaps():
    event = unsaved_event()
    assert occurrences(event, brussels(2026, 10, 14, 15), brussels(2026, 10, 15)) != []
    assert occurrences(event, brussels(2026, 10, 15), brussels(2026, 10, 16)) == []


def test_two_day_training_shows_on_both_days():
    event = unsaved_event(start=brussels(2026, 10, 14, 9), end=brussels(2026, 10, 15, 17))
    assert [day.day for day in occurrences(event, exception_dates=set())[0].days()] == [14, 15]


def test_month_grid_places_each_occurrence_on_its_day(home):
    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home))
    event = EventPageFactory(
        parent=calendar,
        title="Café réseau",
        start=brussels(2026, 10, 14, 14),
        end=brussels(2026, 10, 14, 16),
        recurrence="WEEKLY",
        recurrence_count=6,
    )
    EventExceptionDate.objects.create(event=event, date=datetime.date(2026, 10, 28))
    weeks = month_grid(EventPage.objects.live(), 2026, 10)
    assert weeks[0][0]["date"] == datetime.date(2026, 9, 28)  # the grid starts on a Monday
    days = {cell["date"].day: cell for week in weeks for cell in week if cell["in_month"]}
    assert [day for day, cell in days.items() if cell["occurrences"]] == [14, 21]
    assert days[21]["occurrences"][0].local_start.hour == 14


def test_month_parameter_parsing():
    today = datetime.date(2026, 11, 22)
    assert parse_month("2027-02", today) == (2027, 2, None)
    for bad in ["", "2026", "2026-13", "abcd-ef", "9999-01", "2026-11-01", "<b>2026</b>", "2" * 500]:
        year, month, error = parse_month(bad, today)
        assert (year, month) == (2026, 11)
        assert (error is None) == (bad == "")
    assert shift_month(2026, 12, 1) == (2027, 1)
    assert shift_month(2026, 1, -1) == (2025, 12)
