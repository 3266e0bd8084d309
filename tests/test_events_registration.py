"""Registration: confirmation e-mail with .ics, capacity and waiting list, signed cancel links."""

import re
import threading
from urllib.parse import parse_qs, urlparse

import icalendar
import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection

from network.events import registrations
from network.events.models import Registration
from network.events.models.registration import RegistrationStatus
from tests.factories_events import (
    AgendaPageFactory,
    CalendarPageFactory,
    EventPageFactory,
    RegistrationFactory,
    in_days,
)

CONFIRMED, WAITING, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(home):
    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home), title="Réseau Hainaut")
    return EventPageFactory(
        parent=calendar, title="Visite d’un chantier école", registration_mode="site", capacity=1
    )


def post(client, event, **data):
    fields = {"name": "Julie Vandenberghe", "email": "julie@example.org", "organisation": "CPAS de Tournai"}
    return client.post(event.url + "inscription/", {**fields, **data})


def cancel_link(message):
    """(path, token) of the signed cancel link in an e-mail."""
    url = urlparse(re.search(r"https?://\S+/annulation/\?jeton=\S+", message.body).group(0))
    return url.path, parse_qs(url.query)["jeton"][0]


@pytest.mark.django_db
def test_registration_is_confirmed_with_the_ics_attached(client, event):
    response = post(client, event)
    assert response.status_code == 302 and response["Location"].endswith("#inscription")
    page = client.get(response["Location"]).content.decode()
    assert "Votre inscription est confirmée" in page
    registration = Registration.objects.get()
    assert registration.status == CONFIRMED and registration.organisation == "CPAS de Tournai"
    message = mail.outbox[0]
    assert message.to == ["julie@example.org"]
    assert "Inscription confirmée" in message.subject and "Visite d’un chantier école" in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "Visite d’un chantier école"
    assert "/annulation/?jeton=" in message.body


@pytest.mark.django_db
def test_full_event_puts_the_next_person_on_the_waiting_list(client, event):
    post(client, event)
    response = post(client, event, name="Marc Dethier", email="marc@example.org")
    assert "liste d’attente" in client.get(response["Location"]).content.decode()
    assert Registration.objects.get(email="marc@example.org").status == WAITING
    assert "Liste d’attente" in mail.outbox[1].subject and not mail.outbox[1].attachments
    html = client.get(event.url).content.decode()
    assert "Complet : liste d’attente" in html and "M’inscrire sur la liste d’attente" in html
    assert "julie@example.org" not in html and "marc@example.org" not in html


@pytest.mark.django_db
def test_same_address_is_not_registered_twice(client, event):
    post(client, event)
    response = post(client, event, email="JULIE@example.org")
    assert "déjà inscrit" in client.get(response["Location"]).content.decode()
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.django_db
def test_honeypot_stores_and_sends_nothing(client, event):
    response = post(client, event, website="http://spam.example")
    assert response.status_code == 302
    assert Registration.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": ""}, "Indiquez votre nom."),
        ({"name": "   "}, "Indiquez votre nom."),
        ({"email": ""}, "Indiquez votre adresse e-mail."),
        ({"email": "pas-une-adresse"}, "Cette adresse e-mail n’est pas valide"),
        ({"email": "a" * 300 + "@example.org"}, "caractères"),
        ({"name": "x" * 5000}, "caractères"),
        ({"organisation": "<script>alert(1)</script>" * 20}, "caractères"),
    ],
)
def test_bad_input_gets_a_french_message_and_keeps_what_was_typed(client, event, data, message):
    response = post(client, event, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="CPAS de Tournai"' in html or "organisation" in data
    assert "<script>alert(1)</script>" not in html
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_registration_form_refuses_when_not_open(client, event):
    event.registration_mode = "aucune"
    event.save()
    response = post(client, event)
    assert response.status_code == 400
    assert "ne sont pas ouvertes" in response.content.decode()
    assert client.get(event.url + "inscription/").status_code == 302


@pytest.mark.django_db
def test_past_event_shows_report_and_no_form(client, event):
    event.start, event.end = in_days(-10), in_days(-10, hour=17)
    event.report = "<p>Vingt-deux participants, sept structures.</p>"
    event.save()
    html = client.get(event.url).content.decode()
    assert "Compte rendu" in html and "Vingt-deux participants" in html
    assert "Cet événement a eu lieu." in html
    assert "M’inscrire" not in html
    assert post(client, event).status_code == 400


@pytest.mark.django_db
def test_registrations_are_rate_limited_per_address(client, event, settings):
    settings.REGISTRATION_RATE_LIMIT = "10/h"
    event.capacity = None
    event.save()
    for number in range(10):
        assert post(client, event, email=f"personne{number}@example.org").status_code == 302
    response = post(client, event, email="une-de-trop@example.org")
    assert response.status_code == 429
    assert "Trop d’inscriptions" in response.content.decode()
    assert not Registration.objects.filter(email="une-de-trop@example.org").exists()


@pytest.mark.django_db
def test_signed_cancel_link_promotes_the_next_person(client, event):
    post(client, event)
    post(client, event, name="Marc Dethier", email="marc@example.org")
    post(client, event, name="Nadia El Amrani", email="nadia@example.org")
    path, token = cancel_link(mail.outbox[0])
    confirm = client.get(path, {"jeton": token})
    assert confirm.status_code == 200 and "Oui, annuler mon inscription" in confirm.content.decode()
    assert Registration.objects.get(email="julie@example.org").status == CONFIRMED  # GET changes nothing
    response = client.post(path, {"jeton": token})
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "julie@example.org": CANCELLED,
        "marc@example.org": CONFIRMED,
        "nadia@example.org": WAITING,
    }
    promotion = mail.outbox[-1]
    assert promotion.to == ["marc@example.org"] and "Une place s’est libérée" in promotion.subject
    assert promotion.attachments[0][0].endswith(".ics")
    # Using the link again changes nothing and says so.
    again = client.post(path, {"jeton": token})
    assert "déjà annulée" in again.content.decode()
    assert Registration.objects.get(email="nadia@example.org").status == WAITING


@pytest.mark.django_db
def test_leaving_the_waiting_list_promotes_nobody(event):
    first = RegistrationFactory(event=event, status=CONFIRMED)
    waiting = RegistrationFactory(event=event, status=WAITING)
    other = RegistrationFactory(event=event, status=WAITING)
    assert registrations.cancel(waiting) is None
    assert Registration.objects.get(pk=first.pk).status == CONFIRMED
    assert Registration.objects.get(pk=other.pk).status == WAITING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-3] + "abc", lambda t: "", lambda t: "x" * 2000, lambda t: "<b>"]
)
def test_tampered_cancel_link_is_refused(client, event, mangle):
    post(client, event)
    url, token = cancel_link(mail.outbox[0])
    for response in [client.get(url, {"jeton": mangle(token)}), client.post(url, {"jeton": mangle(token)})]:
        assert response.status_code == 400
        assert "Ce lien d’annulation n’est pas valide" in response.content.decode()
    assert Registration.objects.get().status == CONFIRMED


@pytest.mark.django_db
def test_cancel_token_of_another_event_is_refused(client, event):
    other = EventPageFactory(parent=event.get_parent(), registration_mode="site")
    registration = RegistrationFactory(event=other)
    response = client.get(event.url + "annulation/", {"jeton": registrations.cancel_token(registration)})
    assert response.status_code == 400


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook(home):
    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home))
    event = EventPageFactory(parent=calendar, registration_mode="site", capacity=3)
    barrier = threading.Barrier(8)
    errors = []

    def register(number):
        try:
            barrier.wait()
            registrations.register(event, f"Personne {number}", f"personne{number}@example.org")
        except Exception as error:  # reported below: the test must see every failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(CONFIRMED) == 3 and statuses.count(WAITING) == 5
    assert len(mail.outbox) == 8


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_promote_each_waiting_person_once(home):
    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home))
    event = EventPageFactory(parent=calendar, registration_mode="site", capacity=2)
    confirmed = [RegistrationFactory(event=event, status=CONFIRMED) for _ in range(2)]
    waiting = [RegistrationFactory(event=event, status=WAITING) for _ in range(3)]
    barrier = threading.Barrier(2)

    def cancel(registration):
        barrier.wait()
        registrations.cancel(registration)
        connection.close()

    threads = [threading.Thread(target=cancel, args=(registration,)) for registration in confirmed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = dict(Registration.objects.filter(event=event).values_list("pk", "status"))
    assert [statuses[r.pk] for r in waiting] == [CONFIRMED, CONFIRMED, WAITING]
    assert sorted(message.to[0] for message in mail.outbox) == sorted([waiting[0].email, waiting[1].email])


@pytest.mark.django_db
def test_a_waitlisted_person_cancelling_is_not_promised_a_place(client, event):
    post(client, event)
    post(client, event, name="Marc Dethier", email="marc@example.org")
    path, token = cancel_link(mail.outbox[-1])
    html = client.get(path, {"jeton": token}).content.decode()
    assert "liste d’attente" in html and "Votre place" not in html
