"""Factories for the agenda, calendars, events and registrations."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from network.events.models import AgendaPage, CalendarPage, EventPage, Registration
from network.events.models.recurrence import BRUSSELS


def brussels(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


def in_days(days, hour=14):
    """A Brussels time `days` from today at `hour`, like the demo does."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BRUSSELS)


class AgendaPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"
    introduction = "Les rencontres des réseaux d’insertion."

    class Meta:
        model = AgendaPage


class CalendarPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Réseau zone {n}")
    organiser = factory.LazyAttribute(lambda page: page.title)

    class Meta:
        model = CalendarPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rencontre des structures {n}")
    start = factory.LazyFunction(lambda: in_days(7))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))
    event_type = "reseautage"
    venue = "Maison de l’emploi de Mons"
    address = "Rue des Capucins 12, 7000 Mons"

    class Meta:
        model = EventPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Participante {n}")
    email = factory.Sequence(lambda n: f"participante{n}@example.org")
    organisation = "CISP La Passerelle"
    occurrence_start = factory.LazyAttribute(lambda registration: registration.event.start)

    class Meta:
        model = Registration


def event_admin_form(**fields):
    """The POST data of the admin's event form: an empty one-off event, plus `fields`."""
    return {
        "start": "2026-12-03 09:30",
        "end": "2026-12-03 11:30",
        "event_type": "reseautage",
        "organiser": "",
        "introduction": "",
        "body-count": "0",
        "venue": "",
        "address": "",
        "online_url": "",
        "zones": "",
        "sectors": "",
        "publics": "",
        "capacity": "",
        "registration_mode": "aucune",
        "registration_url": "",
        "recurrence": "",
        "recurrence_interval": "1",
        "recurrence_until": "",
        "recurrence_count": "",
        "exception_dates-TOTAL_FORMS": "0",
        "exception_dates-INITIAL_FORMS": "0",
        "exception_dates-MIN_NUM_FORMS": "0",
        "exception_dates-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
        **fields,
    }
