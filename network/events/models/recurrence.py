"""Weekly or monthly repetition of an event, expanded with dateutil's rrule in local time.

Occurrences are computed on naive Brussels wall-clock times and only then made aware, so a
meeting at 14:00 stays at 14:00 after a daylight-saving change (its UTC offset moves instead).
"""

import datetime
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

BRUSSELS = ZoneInfo("Europe/Brussels")
# A recurring event without an end date is expanded this far at most (feeds carry the RRULE).
MAX_OCCURRENCES = 400


class Frequency(models.TextChoices):
    NONE = "", _("Pas de répétition")
    WEEKLY = "WEEKLY", _("Chaque semaine")
    MONTHLY = "MONTHLY", _("Chaque mois")


RRULE_FREQUENCIES = {Frequency.WEEKLY: rrule.WEEKLY, Frequency.MONTHLY: rrule.MONTHLY}


class EventExceptionDate(Orderable):
    """A date on which a recurring event does not take place (holiday, room unavailable)."""

    event = ParentalKey("events.EventPage", related_name="exception_dates", on_delete=models.CASCADE)
    date = models.DateField(_("date annulée"))

    class Meta(Orderable.Meta):
        verbose_name = _("date d’exception")
        verbose_name_plural = _("dates d’exception")


class Occurrence:
    """One dated instance of an event (the event itself, or one repetition of it)."""

    __slots__ = ("event", "start", "end")
    rhythm = None  # a series' rhythm in words (series.SeriesOccurrence); the cards read it

    def __init__(self, event, start, end):
        self.event = event
        self.start = start
        self.end = end

    @property
    def all_day(self):
        return self.event.all_day

    @property
    def local_start(self):
        return self.start.astimezone(BRUSSELS)

    @property
    def local_end(self):
        return self.end.astimezone(BRUSSELS)

    def days(self):
        """The local dates this occurrence covers (a two-day training shows on both days)."""
        first, last = self.local_start.date(), self.local_end.date()
        if last > first and self.local_end.time() == datetime.time(0) and not self.all_day:
            last -= datetime.timedelta(days=1)
        span = min((last - first).days, 31)
        return [first + datetime.timedelta(days=n) for n in range(span + 1)]

    def __repr__(self):
        return f"<Occurrence {self.event.title!r} {self.start.isoformat()}>"


def rule_for(event, dtstart):
    """The dateutil rule of a recurring event, starting at the naive local `dtstart`."""
    until = None
    if event.recurrence_until:
        until = datetime.datetime.combine(event.recurrence_until, datetime.time(23, 59, 59))
    return rrule.rrule(
        RRULE_FREQUENCIES[event.recurrence],
        dtstart=dtstart,
        interval=event.recurrence_interval or 1,
        until=until,
        count=None if until else (event.recurrence_count or None),
    )


def occurrences(event, window_start=None, window_end=None, exception_dates=None, limit=None):
    """The event's occurrences overlapping [window_start, window_end), sorted by start (the first
    `limit` of them when given: a listing page needs no more from one series).

    `exception_dates` can be passed in when prefetched, to keep listings at a fixed query count.
    """
    duration = event.end - event.start
    if not event.recurrence:
        found = [Occurrence(event, event.start, event.end)]
    else:
        if exception_dates is None:
            exception_dates = {item.date for item in event.exception_dates.all()}
        local_start = event.start.astimezone(BRUSSELS).replace(tzinfo=None)
        rule = rule_for(event, local_start)
        if window_start is not None:
            # Only the window is expanded: from the last start that can still overlap it.
            earliest = window_start.astimezone(BRUSSELS).replace(tzinfo=None) - duration
            rule = rule.xafter(earliest, inc=True)
        found = []
        for naive in rule:
            start = naive.replace(tzinfo=BRUSSELS)
            if window_end and start >= window_end:
                break
            if len(found) >= min(MAX_OCCURRENCES, limit or MAX_OCCURRENCES) + 1:
                break  # one more than needed: the first may end before the window
            if naive.date() in exception_dates:
                continue
            # Add the duration in wall-clock time too: an evening meeting keeps its end hour.
            end = (naive + duration).replace(tzinfo=BRUSSELS)
            found.append(Occurrence(event, start, end))
    kept = [
        occurrence
        for occurrence in found
        if (window_start is None or occurrence.end > window_start)
        and (window_end is None or occurrence.start < window_end)
    ]
    return kept[:limit] if limit else kept[:MAX_OCCURRENCES]
