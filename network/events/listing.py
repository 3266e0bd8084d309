"""Event listings: facets, the events overlapping a period, their occurrences, the month grid."""

import calendar
import copy
import datetime
from collections.abc import Sequence

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.facets import ChoiceFacet, Facet, FacetedFilter
from passerelles.localized import in_visitor_language
from passerelles.vocabularies.tagging import prefetch_tags

from .expansion import SeriesDates, overlap, series_dates
from .models.choices import EventType
from .models.recurrence import BRUSSELS, Occurrence, occurrences
from .models.tagging import EventPublic, EventSector, EventZone
from .series import SeriesOccurrence

UPCOMING_DAYS = 366
PAST_DAYS = 366
# Years a month grid may show: far enough for planning, small enough to refuse nonsense.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def event_facets():
    return [
        Facet.of_tags(EventZone),
        Facet.of_tags(EventSector),
        Facet.of_tags(EventPublic),
        ChoiceFacet("type", gettext_lazy("Type d’événement"), "event_type", list(EventType.choices)),
    ]


def faceted(events, data):
    """(FacetedFilter, filtered events) for the query string `data`."""
    facet_filter = FacetedFilter(event_facets(), data)
    return facet_filter, facet_filter.apply(events)


def in_visitor_language_occurrences(occurrences):
    """Each occurrence of a French event shows its live translation in the visitor's language, if
    any (one query for all), the French original marked `lang="fr"` otherwise. The listing itself
    is built from the French events only: a translation never counts or shows twice."""
    occurrences = list(occurrences)
    shown = in_visitor_language([occurrence.event for occurrence in occurrences])
    for occurrence, event in zip(occurrences, shown, strict=True):
        if event is not occurrence.event:
            # Zones and exception dates are synchronised from the original: its prefetched ones
            # serve the translation, so a page costs the same queries however many are translated.
            event._prefetched_objects_cache = dict(getattr(occurrence.event, "_prefetched_objects_cache", {}))
            if hasattr(occurrence.event, "series_last_day"):
                event.series_last_day = occurrence.event.series_last_day  # the same series' end
        occurrence.event = event
    return occurrences


def overlapping(events, start, end):
    """Events with at least one occurrence possibly in [start, end), with what cards need."""
    return events.filter(overlap(start, end)).prefetch_related(
        "exception_dates",
        *prefetch_tags(EventZone),
    )


class SeriesStub:
    """Stands for a recurring event in a window's occurrences until the page shown is known:
    only the events a page shows are then read (see OccurrenceWindow.__getitem__)."""

    __slots__ = ("pk", "title", "last_day")

    def __init__(self, pk, dates):
        self.pk, self.title, self.last_day = pk, dates.title, dates.last_day


class OccurrenceWindow(Sequence):
    """The occurrences of `events` in [start, end) by date (latest first if `reverse`), read as
    they are shown: a page of a listing or the next three on the home page.

    One-off events (nearly all of them) are counted, sorted and sliced by the database, so a
    page reads only the events it may show; recurring series are read from their dates expanded
    once per publication and day (expansion.series_dates), cut to the window, and only the
    series a page shows are loaded. `ended_by` keeps the occurrences over by then (the past view).
    """

    def __init__(self, events, start, end, reverse=False, ended_by=None):
        self.reverse = reverse
        # Set by one_per_series(): a series shows once, at its first date in the window.
        self.first_of_series = False
        singles = events.filter(recurrence="", start__lt=end, end__gt=start)
        if ended_by is not None:
            singles = singles.filter(end__lte=ended_by)
        order = ("-start", "-title") if reverse else ("start", "title")
        # Cards and the month grid never show the body: it is not read.
        self.singles = singles.order_by(*order).defer("body")
        self.start, self.end, self.ended_by = start, end, ended_by
        # Every series in the window counts, but only the shown events need their terms.
        self.series_source = events.exclude(recurrence="").filter(overlap(start, end)).defer("body")
        self._spans = None
        self._count = None

    def series(self, limit=None):
        """Occurrences of the recurring series in the window: the first `limit` of each (the
        last ones when reverse) are enough to fill the first `limit` places. Their events are
        SeriesStub until `resolved`."""
        return [self._series_occurrence(*place) for _key, place in self._series_places(limit)]

    def _series_places(self, limit=None):
        """((timestamp, title), (stub, dates, index, later)) of the series' places in the window:
        sorted and sliced as numbers, only the places shown become occurrences."""
        places = []
        for stub, dates, first, last in self._series_spans():
            if self.first_of_series:
                places.append(((dates.starts[first], stub.title), (stub, dates, first, last - first - 1)))
                continue
            if limit is not None:
                first, last = (
                    (max(first, last - limit), last) if self.reverse else (first, min(last, first + limit))
                )
            places.extend(((dates.starts[i], stub.title), (stub, dates, i, None)) for i in range(first, last))
        return places

    @staticmethod
    def _series_occurrence(stub, dates, index, later):
        occurrence = Occurrence(stub, *dates.dates(index, index + 1)[0])
        if later is None:
            return occurrence
        grouped = SeriesOccurrence(occurrence)
        grouped.later = later
        return grouped

    def _series_spans(self):
        """(stub, SeriesDates, first, last) of each series with dates in the window, read from
        the day's expansion; a window outside its horizon is expanded here."""
        if self._spans is None:
            self._spans = self._read_spans()
        return self._spans

    def _read_spans(self):
        expanded = series_dates(self.start, self.end)
        if expanded is None:
            spans = []
            for event in self.series_source.prefetch_related("exception_dates"):
                exceptions = {item.date for item in event.exception_dates.all()}
                dates = SeriesDates.of(
                    event, occurrences(event, self.start, self.end, exception_dates=exceptions)
                )
                first, last = dates.span(self.start, self.end, self.ended_by)
                if last > first:
                    spans.append((event, dates, first, last))
            return spans
        spans = []
        for pk in self.series_source.order_by().values_list("pk", flat=True):  # ids: no sort by path
            dates = expanded.get(pk)
            first, last = dates.span(self.start, self.end, self.ended_by) if dates else (0, 0)
            if last > first:
                spans.append((SeriesStub(pk, dates), dates, first, last))
        return spans

    def series_count(self):
        """How many places the series take in the window (one each when grouped)."""
        spans = self._series_spans()
        if self.first_of_series:
            return len(spans)
        return sum(last - first for _stub, _dates, first, last in spans)

    def resolved(self, shown):
        """`shown` with each SeriesStub replaced by its event (one query for all of them)."""
        wanted = {
            occurrence.event.pk: occurrence.event
            for occurrence in shown
            if isinstance(occurrence.event, SeriesStub)
        }
        if wanted:
            events = self.series_source.model.objects.defer("body").in_bulk(list(wanted))
            for pk, stub in wanted.items():
                if pk in events:
                    # Its last date is known from the expansion: its rhythm reads no exception dates.
                    events[pk].series_last_day = stub.last_day
            shown = [
                occurrence
                for occurrence in shown
                if occurrence.event.pk in events or not isinstance(occurrence.event, SeriesStub)
            ]
            for occurrence in shown:
                if isinstance(occurrence.event, SeriesStub):
                    occurrence.event = events[occurrence.event.pk]
        prefetch_related_objects(
            list({id(o.event): o.event for o in shown}.values()), *prefetch_tags(EventZone)
        )
        return shown

    def one_per_series(self):
        """The same window where each recurring series shows once, at its first date there,
        counting its later dates (still read page by page: no query per event)."""
        grouped = copy.copy(self)
        grouped.first_of_series, grouped._count = True, None
        return grouped

    def everything(self):
        """Every occurrence of the window (the month grid), without counting them first."""
        singles = [Occurrence(event, event.start, event.end) for event in self.singles]
        return self.resolved(sorted(singles + self.series(), key=_by_date, reverse=self.reverse))

    def __len__(self):
        if self._count is None:
            self._count = self.singles.count() + self.series_count()
        return self._count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        stop = len(self) if index.stop is None else index.stop
        # The first `stop` one-off events hold every one-off event of the first `stop` occurrences.
        singles = [
            ((event.start.timestamp(), event.title), Occurrence(event, event.start, event.end))
            for event in self.singles[: max(stop, 0)]
        ]
        merged = sorted(
            singles + self._series_places(limit=max(stop, 0)),
            key=lambda entry: entry[0],
            reverse=self.reverse,
        )
        shown = [
            item if isinstance(item, Occurrence) else self._series_occurrence(*item)
            for _key, item in merged[index]
        ]
        return self.resolved(shown)


def _by_date(occurrence):
    return (occurrence.start, occurrence.event.title)


def upcoming_occurrences(events, now=None, days=UPCOMING_DAYS):
    now = now or timezone.now()
    return OccurrenceWindow(events, now, now + datetime.timedelta(days=days))


def past_occurrences(events, now=None, days=PAST_DAYS):
    now = now or timezone.now()
    return OccurrenceWindow(events, now - datetime.timedelta(days=days), now, reverse=True, ended_by=now)


def parse_month(value, today=None):
    """(year, month, error) from `?mois=2026-11`; the current month and a French error if invalid."""
    today = today or timezone.localdate()
    if not value:
        return today.year, today.month, None
    try:
        year_text, month_text = value.strip().split("-")
        year, month = int(year_text), int(month_text)
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise ValueError
    except ValueError:
        return (
            today.year,
            today.month,
            _("Le mois demandé n’est pas valide (format attendu : 2026-11) ; voici le mois en cours."),
        )
    return year, month, None


def shift_month(year, month, delta):
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def month_grid(events, year, month):
    """Weeks (Monday first) of day cells {date, in_month, occurrences} for the month."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first_day, last_day = weeks[0][0], weeks[-1][-1]
    start = datetime.datetime.combine(first_day, datetime.time(0), tzinfo=BRUSSELS)
    end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(0), tzinfo=BRUSSELS)
    by_day = {}
    for occurrence in OccurrenceWindow(events, start, end).everything():
        for day in occurrence.days():
            by_day.setdefault(day, []).append(occurrence)
    return [
        [{"date": day, "in_month": day.month == month, "occurrences": by_day.get(day, [])} for day in week]
        for week in weeks
    ]
