"""iCalendar (RFC 5545) output: one event, a calendar, the agenda or any filtered view.

Recurring events are written once with their RRULE and EXDATE, not expanded: calendar
applications then follow the series and its cancellations themselves. Times carry
TZID=Europe/Brussels and the feed embeds the matching VTIMEZONE built from zoneinfo.
"""

import datetime

import icalendar
from django.utils import timezone
from django.utils.html import strip_tags

from passerelles.public_address import site_hostname

from .models.recurrence import BRUSSELS, RRULE_FREQUENCIES

PRODID = "-//Passerelles//Agenda des réseaux//FR"
RRULE_NAMES = {key: str(key) for key in RRULE_FREQUENCIES}


def site_domain(request):
    return site_hostname(request)


def event_uid(event, domain):
    """Stable across requests and edits: the translation key is shared by the page's revisions."""
    return f"evenement-{event.translation_key or event.pk}@{domain}"


def local(value):
    return value.astimezone(BRUSSELS)


def event_component(
    event, request, domain, exception_dates=None, occurrence=None, uid=None, sequence=None, cancelled=False
):
    """The event's VEVENT; with `occurrence`, that one session only (a registration's .ics)."""
    component = icalendar.Event()
    component.add("uid", uid or event_uid(event, domain))
    if sequence:
        component.add("sequence", sequence)
    # DTSTAMP follows the last publication, so an unchanged event gives identical feeds.
    stamp = event.last_published_at or event.first_published_at or timezone.now()
    component.add("dtstamp", stamp.astimezone(datetime.UTC))
    component.add("summary", event.title)
    start, end = (occurrence.start, occurrence.end) if occurrence else (event.start, event.end)
    if event.all_day:
        component.add("dtstart", local(start).date())
        component.add("dtend", local(end).date() + datetime.timedelta(days=1))
    else:
        component.add("dtstart", local(start))
        component.add("dtend", local(end))
    if event.recurrence and occurrence is None:
        rule = {"freq": RRULE_NAMES[event.recurrence], "interval": event.recurrence_interval or 1}
        if event.recurrence_until:
            last = datetime.datetime.combine(
                event.recurrence_until, datetime.time(23, 59, 59), tzinfo=BRUSSELS
            )
            rule["until"] = last.astimezone(datetime.UTC)
        elif event.recurrence_count:
            rule["count"] = event.recurrence_count
        component.add("rrule", rule)
        if exception_dates is None:
            exception_dates = [item.date for item in event.exception_dates.all()]
        start_time = local(event.start).timetz() if not event.all_day else None
        for day in sorted(exception_dates):
            if event.all_day:
                component.add("exdate", day)
            else:
                excluded = datetime.datetime.combine(day, start_time.replace(tzinfo=None), tzinfo=BRUSSELS)
                component.add("exdate", excluded)
    location = ", ".join(part for part in [event.venue, " ".join(event.address.split())] if part)
    if location:
        component.add("location", location)
    elif event.online_url:
        component.add("location", event.online_url)
    url = event.get_full_url(request)
    if url:
        component.add("url", url)
    description = [event.introduction, f"Organisé par : {event.organiser}" if event.organiser else ""]
    if event.online_url:
        description.append(f"En ligne : {event.online_url}")
    description.append(url or "")
    component.add("description", "\n\n".join(strip_tags(part) for part in description if part))
    component.add("categories", [event.get_event_type_display()])
    component.add("status", "CANCELLED" if cancelled or event.cancelled else "CONFIRMED")
    return component


def _calendar(name):
    feed = icalendar.Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", "Europe/Brussels")
    return feed


def build_calendar(events, request, name):
    """A VCALENDAR with one VEVENT per event and the VTIMEZONE its times need."""
    domain = site_domain(request)
    feed = _calendar(name)
    first = last = None
    for event in events:
        exceptions = [item.date for item in event.exception_dates.all()]
        feed.add_component(event_component(event, request, domain, exceptions))
        first = min(first or event.start, event.start)
        last = max(
            last or event.end,
            event.end,
            *(
                [datetime.datetime.combine(event.recurrence_until, datetime.time(0), tzinfo=BRUSSELS)]
                if event.recurrence_until
                else []
            ),
        )
    if first is not None:
        # Transitions only around the events keep the VTIMEZONE short; open series get 3 years.
        feed.add_missing_timezones(
            first_date=(first - datetime.timedelta(days=366)).date(),
            last_date=(last + datetime.timedelta(days=3 * 366)).date(),
        )
    return feed.to_ical()


def registration_uid(registration, domain):
    """A one-off event keeps the event's own UID (the feed's); one session of a series gets its
    own, tied to the registration, so moving the series updates that session in the agenda."""
    event = registration.event
    if not event.recurrence:
        return event_uid(event, domain)
    return f"evenement-{event.translation_key or event.pk}-inscription-{registration.pk}@{domain}"


def build_registration_calendar(registration, occurrence, sequence=0, request=None, cancelled=False):
    """The .ics of what one person registered to: the event, or their session of a series, at
    the event's current SEQUENCE (higher after each change they were told about)."""
    event = registration.event
    domain = site_domain(request)
    feed = _calendar(event.title)
    feed.add_component(
        event_component(
            event,
            request,
            domain,
            occurrence=occurrence,
            uid=registration_uid(registration, domain),
            sequence=sequence,
            cancelled=cancelled,
        )
    )
    feed.add_missing_timezones(
        first_date=(occurrence.start - datetime.timedelta(days=366)).date(),
        last_date=(occurrence.end + datetime.timedelta(days=366)).date(),
    )
    return feed.to_ical()
