"""The demo agenda: fresh dates around today, recurring and past events, valid HTML everywhere."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from network.events import registrations
from network.events.models import CalendarPage, EventPage, Registration
from tests.helpers import html_errors

pytestmark = pytest.mark.django_db


def test_demo_agenda_is_fresh_varied_and_idempotent(client, demo_content):
    events = EventPage.objects.live()
    now = timezone.now()
    assert events.count() >= 15
    assert CalendarPage.objects.live().filter(locale__language_code="fr").count() == 4
    assert all(abs(event.start - now) < datetime.timedelta(days=92) for event in events)
    assert events.filter(start__lt=now).count() >= 5 and events.filter(start__gt=now).count() >= 5
    assert events.exclude(recurrence="").exists()
    assert events.filter(start__lt=now).exclude(report="").count() >= 3
    assert Registration.objects.filter(status="attente").exists()
    assert all(calendar.coordinators_id for calendar in CalendarPage.objects.all())
    counts = (EventPage.objects.count(), Registration.objects.count())
    call_command("load_demo", "--no-index", "--loader", "network.events.demo", verbosity=0)
    assert (EventPage.objects.count(), Registration.objects.count()) == counts
    html = client.get("/").content.decode()
    assert "Prochains événements" in html


@pytest.mark.html
def test_agenda_pages_are_valid_html(client, demo_content):
    event = EventPage.objects.get(slug="reseautage-espaces-verts-la-louviere")
    registration = registrations.register(event, "Camille Lejeune", "camille@example.org")[0]
    paths = [
        "/agenda/",
        "/agenda/?zone=hainaut&type=visite",
        "/agenda/mois/",
        "/agenda/passes/",
        "/agenda/validobus/",
        event.url,
        EventPage.objects.get(slug="concertation-mobilite").url,
        EventPage.objects.get(slug="permanence-numerique-conseillers").url,
        f"{event.url}annulation/?jeton={registrations.cancel_token(registration)}",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert html_errors(response.content.decode()) == [], path
    invalid = client.post(event.url + "inscription/", {"name": "", "email": "non"})
    assert html_errors(invalid.content.decode()) == []
