"""Demo agenda: four calendars and their events, dated relative to today so the demo stays fresh.

Events are found again by slug, so running the loader twice (the same day) changes nothing.
"""

import datetime

from django.utils import timezone

from passerelles.demo_loading import stream
from passerelles.vocabularies.models import Public, Sector, Zone

from .models import AgendaPage, CalendarPage, EventPage, Registration
from .models.recurrence import BRUSSELS, EventExceptionDate
from .models.registration import RegistrationStatus
from .permissions import ensure_coordinators_group


def load(loader):
    data = loader.read_json("events.json")
    loader.progress("Agenda et calendriers")
    agenda = loader.upsert_page(
        loader.home,
        AgendaPage,
        "agenda",
        title=data["agenda"]["title"],
        introduction=data["agenda"]["introduction"],
        search_description=data["agenda"]["search_description"],
        show_in_menus=True,
    )
    calendars = {}
    for entry in data["calendars"]:
        calendar = loader.upsert_page(
            agenda,
            CalendarPage,
            entry["slug"],
            title=entry["title"],
            organiser=entry["organiser"],
            introduction=entry["introduction"],
        )
        ensure_coordinators_group(calendar)
        calendars[entry["slug"]] = calendar
    vocabularies = {
        "zones": {tag.slug: tag for tag in Zone.objects.canonical()},
        "sectors": {tag.slug: tag for tag in Sector.objects.canonical()},
        "publics": {tag.slug: tag for tag in Public.objects.canonical()},
    }
    today = timezone.localdate()
    for entry in loader.step("événements", data["events"]):
        event = upsert_event(loader, calendars[entry["calendar"]], entry, vocabularies, today)
        add_registrations(event, entry.get("registrations", []))


def event_dates(entry, today):
    day = today + datetime.timedelta(days=entry["days"])
    if entry.get("all_day"):
        start = datetime.datetime.combine(day, datetime.time(9), tzinfo=BRUSSELS)
        return start, start.replace(hour=17)
    hour, minute = (int(part) for part in entry["time"].split(":"))
    start = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BRUSSELS)
    return start, start + datetime.timedelta(hours=entry["hours"])


def upsert_event(loader, calendar, entry, vocabularies, today):
    start, end = event_dates(entry, today)
    fields = {
        "title": entry["title"],
        "start": start,
        "end": end,
        "all_day": entry.get("all_day", False),
        "event_type": entry["type"],
        "organiser": calendar.organiser,
        "introduction": entry["introduction"],
        "body": stream([{"type": "paragraph", "value": entry["body"]}]),
        "venue": entry.get("venue", ""),
        "address": entry.get("address", ""),
        "online_url": entry.get("online_url", ""),
        "capacity": entry.get("capacity"),
        "registration_mode": entry["registration"],
        "registration_url": entry.get("registration_url", ""),
        "recurrence": entry.get("recurrence", ""),
        "recurrence_count": entry.get("recurrence_count"),
        "recurrence_until": (
            today + datetime.timedelta(days=entry["recurrence_days"]) if "recurrence_days" in entry else None
        ),
        "report": entry.get("report", ""),
        "search_description": entry["introduction"],
        # Exceptions are counted in weeks after the first session, e.g. a public holiday.
        "exception_dates": [
            EventExceptionDate(date=(start + datetime.timedelta(weeks=weeks)).date())
            for weeks in entry.get("exception_weeks", [])
        ],
    }
    tags = {
        name: [terms[slug] for slug in entry.get(name, []) if slug in terms]
        for name, terms in vocabularies.items()
    }
    return loader.upsert_page(calendar, EventPage, entry["slug"], tags=tags, **fields)


def add_registrations(event, people):
    """Fictional registrants; the ones beyond the capacity wait, as the public form would do."""
    for number, (name, organisation) in enumerate(people):
        email = f"{name.split()[0].lower()}.demo{number}@example.org".replace("é", "e").replace("è", "e")
        if Registration.objects.filter(event=event, email=email).exists():
            continue
        full = event.capacity is not None and number >= event.capacity
        # A recurring event's registrants come to its next session (places are per session).
        upcoming = event.occurrences(timezone.now(), None)[:1] if event.recurrence else []
        Registration.objects.create(
            event=event,
            occurrence_start=upcoming[0].start if upcoming else event.start,
            name=name,
            email=email,
            organisation=organisation,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
        )
