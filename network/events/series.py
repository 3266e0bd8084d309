"""A recurring event shows once in a listing, at its next date, with its rhythm in words
("chaque jeudi jusqu’au 18 juin 2027"), instead of filling the list with its weekly dates."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models.recurrence import Frequency, Occurrence, occurrences


class SeriesOccurrence(Occurrence):
    """The next occurrence of a series in a listing, counting the series' later dates in it."""

    __slots__ = ("later",)

    def __init__(self, occurrence):
        super().__init__(occurrence.event, occurrence.start, occurrence.end)
        self.later = 0

    @property
    def rhythm(self):
        return rhythm(self.event, self.local_start.date())


def first_of_series(dates):
    """The first of one series' `dates` (sorted), counting the others; [] when there are none."""
    if not dates:
        return []
    first = SeriesOccurrence(dates[0])
    first.later = len(dates) - 1
    return [first]


def group_series(found):
    """`found` (occurrences sorted by date) with each recurring event kept at its first date only.
    A listing's window (`listing.OccurrenceWindow`) groups itself, still read page by page."""
    if hasattr(found, "one_per_series"):
        return found.one_per_series()
    grouped, firsts = [], {}
    for occurrence in found:
        if not occurrence.event.recurrence:
            grouped.append(occurrence)
        elif occurrence.event.pk in firsts:
            firsts[occurrence.event.pk].later += 1
        else:
            firsts[occurrence.event.pk] = SeriesOccurrence(occurrence)
            grouped.append(firsts[occurrence.event.pk])
    return grouped


def last_date(event):
    """The local date of the series' last occurrence; None when it repeats without end."""
    if not (event.recurrence_until or event.recurrence_count):
        return None
    if hasattr(event, "series_last_day"):
        return event.series_last_day  # known from the day's expansion (listings)
    # The exception dates are prefetched by the listings: no query here.
    exceptions = {item.date for item in event.exception_dates.all()}
    dates = occurrences(event, exception_dates=exceptions)
    return dates[-1].local_start.date() if dates else None


def rhythm(event, day):
    """ "chaque jeudi", "un mardi sur 2", "chaque mois", with "jusqu’au …" when the series ends."""
    interval = event.recurrence_interval or 1
    if event.recurrence == Frequency.WEEKLY:
        weekday = date_format(day, "l")
        if interval == 1:
            text = _("chaque %(weekday)s") % {"weekday": weekday}
        else:
            text = _("un %(weekday)s sur %(interval)s") % {"weekday": weekday, "interval": interval}
    else:
        text = ngettext("chaque mois", "tous les %(interval)s mois", interval) % {"interval": interval}
    end = last_date(event)
    if end is None:
        return text
    return _("%(rhythm)s jusqu’au %(date)s") % {"rhythm": text, "date": date_format(end, "DATE_FORMAT")}
