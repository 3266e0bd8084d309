"""Recurring series expanded once per publication and day, for every listing to read.

Expanding a weekly series with dateutil costs about a millisecond; the agenda, its past view,
the month grid, the calendars and the home page's "Prochains événements" did it for every series
on every request. Here every series' dates over a horizon around today (the past and upcoming
windows of the listings, plus a margin) are computed once and kept in the shared cache under the
publication generation (passerelles.publication: saving an event or an exception date bumps it)
and the day, as plain data: {event pk: SeriesDates}. A listing then reads the pks of the series
its filters select (one query) and cuts each one's dates to its window with a bisection; it
loads only the events it shows. A window outside the horizon (a month grid years away) is
expanded directly, as before.
"""

import bisect
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from passerelles.fragments import remembered

from .models.recurrence import BRUSSELS, occurrences

# The horizon: the listings' windows (a year back, a year ahead) and a margin of a few days.
HORIZON_DAYS_BACK = 366 + 3
HORIZON_DAYS_AHEAD = 366 + 3


@dataclass
class SeriesDates:
    """A series' occurrences over the horizon: starts and ends in seconds since the epoch,
    sorted (plain integers: aware datetimes take far longer to read back from the cache), its
    title (listings sort by date, then title) and its last local date (None when endless)."""

    title: str
    starts: list
    ends: list
    last_day: datetime.date | None

    @classmethod
    def of(cls, event, found, last_day=None):
        """The dates of the occurrences `found` (sorted) of `event`."""
        return cls(
            title=event.title,
            starts=[occurrence.start.timestamp() for occurrence in found],
            ends=[occurrence.end.timestamp() for occurrence in found],
            last_day=last_day,
        )

    def span(self, start, end, ended_by=None):
        """(first, last): the indexes of the dates overlapping [start, end) (over by `ended_by`
        when given) are range(first, last)."""
        first = bisect.bisect_right(self.ends, start.timestamp())
        last = bisect.bisect_left(self.starts, end.timestamp())
        if ended_by is not None:
            last = min(last, bisect.bisect_right(self.ends, ended_by.timestamp()))
        return first, max(first, last)

    def dates(self, first, last):
        """The (start, end) datetimes of the dates range(first, last)."""
        return [
            (_local(begins), _local(ends))
            for begins, ends in zip(self.starts[first:last], self.ends[first:last], strict=True)
        ]


def _local(seconds):
    return datetime.datetime.fromtimestamp(seconds, BRUSSELS)


def horizon(day=None):
    """[start, end) of the horizon around the local `day` (today by default)."""
    day = day or timezone.localdate()
    start = datetime.datetime.combine(day - datetime.timedelta(days=HORIZON_DAYS_BACK), datetime.time(0))
    end = datetime.datetime.combine(day + datetime.timedelta(days=HORIZON_DAYS_AHEAD), datetime.time(0))
    return start.replace(tzinfo=BRUSSELS), end.replace(tzinfo=BRUSSELS)


def overlap(start, end):
    """Events with at least one occurrence possibly in [start, end)."""
    single = Q(recurrence="", start__lt=end, end__gt=start)
    repeated = (
        ~Q(recurrence="")
        & Q(start__lt=end)
        & (Q(recurrence_until__isnull=True) | Q(recurrence_until__gte=start.astimezone(BRUSSELS).date()))
    )
    return single | repeated


def _expand_all(start, end):
    # The page models import the views, which import this module: imported when first needed.
    from .models import EventPage

    series = (
        EventPage.objects.exclude(recurrence="")
        .filter(overlap(start, end))
        .defer("body")
        .prefetch_related("exception_dates")
    )
    expanded = {}
    for event in series:
        exceptions = {item.date for item in event.exception_dates.all()}
        dates = occurrences(event, start, end, exception_dates=exceptions)
        whole = occurrences(event, exception_dates=exceptions) if _ends(event) else []
        last_day = whole[-1].local_start.date() if whole else None
        expanded[event.pk] = SeriesDates.of(event, dates, last_day)
    return expanded


def _ends(event):
    return bool(event.recurrence_until or event.recurrence_count)


def series_dates(start, end, day=None):
    """{event pk: SeriesDates} of every recurring event, when [start, end) lies inside today's
    horizon (computed once per publication and day); None when it does not."""
    day = day or timezone.localdate()
    first, last = horizon(day)
    if start < first or end > last:
        return None
    return remembered("series-dates", day.isoformat(), build=lambda: _expand_all(first, last))
