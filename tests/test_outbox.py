"""The outbox: with the mail server down, visitors still see success, nothing is lost, and the
mails leave once the server is back (a real SMTP server, aiosmtpd, and the real task worker)."""

import re
import time
from datetime import timedelta
from io import StringIO
from urllib.parse import unquote

import icalendar
import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from network.events.models import Registration
from network.events.models.registration import RegistrationStatus
from network.models import MeetupRequest
from passerelles import privacy
from passerelles.outbox.models import MailStatus, OutgoingMail
from tests.factories_events import AgendaPageFactory, CalendarPageFactory, EventPageFactory
from tests.factories_network import (
    DirectoryPageFactory,
    OrganisationPageFactory,
    PersonFactory,
    meetup_format,
)
from tests.roles_world import build_world
from tests.smtp_server import SmtpServer
from tests.test_roles_workflow import submit_new_summary

CANCEL_LINK = re.compile(r"https?://[^/\s]+(/\S*annulation/)\?jeton=(\S+)")


@pytest.fixture
def smtp(settings):
    """The site's SMTP server, down until the test calls `smtp.start()`; deliveries are queued in
    the database and run by `manage.py db_worker`, as in production."""
    server = SmtpServer()
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD, settings.EMAIL_USE_TLS = "", "", False
    settings.EMAIL_TIMEOUT = 5
    settings.OUTBOX_RETRY_SECONDS = 1
    settings.TASKS = {**settings.TASKS, "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield server
    server.stop()


def run_worker():
    """The production worker, until no task is due."""
    call_command("db_worker", "--backend", "outbox", "--batch", "--no-startup-delay", "--interval", "0")


def wait_for_the_retries():
    due = OutgoingMail.objects.exclude(next_attempt_at=None).order_by("-next_attempt_at").first()
    if due:
        time.sleep(max((due.next_attempt_at - timezone.now()).total_seconds(), 0) + 0.1)


def event_page(home, capacity=1):
    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home), title="Réseau Hainaut")
    return EventPageFactory(
        parent=calendar, title="Visite d’un chantier école", registration_mode="site", capacity=capacity
    )


def register(client, event, name, email):
    return client.post(event.url + "inscription/", {"name": name, "email": email, "organisation": ""})


def ics_of(message):
    part = next(part for part in message.iter_attachments() if part.get_filename().endswith(".ics"))
    assert part.get_content_type() == "text/calendar"
    return icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")[0]


@pytest.mark.django_db(transaction=True)
def test_registration_with_the_server_down_succeeds_and_the_ics_leaves_when_it_is_back(client, home, smtp):
    event = event_page(home)
    response = register(client, event, "Julie Vandenberghe", "julie@example.org")
    assert response.status_code == 302
    assert "Votre inscription est confirmée" in client.get(response["Location"]).content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    stored = OutgoingMail.objects.get()
    assert stored.status == MailStatus.PENDING and stored.to == ["julie@example.org"]

    run_worker()  # the server is still down: the attempt fails and the mail waits
    stored.refresh_from_db()
    assert stored.status == MailStatus.PENDING and stored.attempts == 1
    assert "refused" in stored.last_error.lower() and stored.next_attempt_at > stored.last_attempt_at
    assert smtp.received == []

    # Sending the form again tells the truth: she is registered, once.
    again = register(client, event, "Julie Vandenberghe", "julie@example.org")
    assert "déjà inscrit·e" in client.get(again["Location"]).content.decode()
    assert Registration.objects.count() == 1 and OutgoingMail.objects.count() == 1

    smtp.start()
    wait_for_the_retries()
    run_worker()
    stored.refresh_from_db()
    assert stored.status == MailStatus.SENT and stored.attempts == 2
    [message] = smtp.messages_to("julie@example.org")
    assert "Inscription confirmée" in message["Subject"]
    assert str(ics_of(message)["SUMMARY"]) == "Visite d’un chantier école"
    run_worker()
    assert len(smtp.received) == 1  # sent once, not again


@pytest.mark.django_db(transaction=True)
def test_promotion_from_the_waiting_list_with_the_server_down_reaches_the_person_later(client, home, smtp):
    event = event_page(home, capacity=1)
    register(client, event, "Julie Vandenberghe", "julie@example.org")
    register(client, event, "Marc Dethier", "marc@example.org")
    confirmation = OutgoingMail.objects.get(to=["julie@example.org"])
    path, token = CANCEL_LINK.search(confirmation.body).groups()

    response = client.post(path, {"jeton": unquote(token)})
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "julie@example.org": RegistrationStatus.CANCELLED,
        "marc@example.org": RegistrationStatus.CONFIRMED,
    }
    assert OutgoingMail.objects.filter(status=MailStatus.PENDING).count() == 3

    smtp.start()
    run_worker()
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}
    waiting, promotion = smtp.messages_to("marc@example.org")
    assert "Liste d’attente" in waiting["Subject"]
    assert "Une place s’est libérée" in promotion["Subject"]
    assert str(ics_of(promotion)["SUMMARY"]) == "Visite d’un chantier école"


@pytest.mark.django_db(transaction=True)
def test_meetup_request_with_the_server_down_is_thanked_and_reaches_the_compagnon_later(client, home, smtp):
    directory = DirectoryPageFactory(parent=home)
    organisation = OrganisationPageFactory(parent=directory, title="Récup'Sambre")
    person = PersonFactory(
        organisation=organisation, name="Karim Haddou", email="karim@recup.example", formats=[meetup_format()]
    )
    today = timezone.localdate()
    response = client.post(
        directory.person_url(person),
        {
            "requester_name": "Inès Moreau",
            "requester_email": "ines.moreau@seconde-vie.example",
            "requester_organisation": "EI Seconde Vie",
            "format": "",
            "date_from": (today + timedelta(days=7)).isoformat(),
            "date_to": (today + timedelta(days=30)).isoformat(),
            "message": "Nous voudrions voir vos règles de sécurité pour le démantèlement.",
            "agree": "on",
            "site_web": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Merci, votre demande est bien enregistrée" in html
    assert "n’a pas pu partir" not in html
    assert MeetupRequest.objects.count() == 1

    run_worker()
    assert OutgoingMail.objects.get().attempts == 1 and smtp.received == []
    smtp.start()
    wait_for_the_retries()
    run_worker()
    [message] = smtp.messages_to("karim@recup.example")
    assert "Inès Moreau" in message["Subject"]
    assert "/rencontre/reponse/?jeton=" in message.get_body(("plain",)).get_content()


@pytest.mark.django_db
def test_workflow_notifications_go_through_the_outbox(client, home):
    world = build_world(home)
    client.force_login(world.users["membre"])
    assert submit_new_summary(client, world.own_fiche).status_code == 302
    to_moderators = OutgoingMail.objects.filter(recipients__contains="moderation@example.org")
    assert to_moderators.exists()
    assert {mail_.status for mail_ in to_moderators} == {MailStatus.SENT}
    assert any("moderation@example.org" in message.to for message in mail.outbox)


FAILING = "tests.test_network_meetups.FailingEmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def failed_mail(settings, attempts_allowed=1):
    settings.OUTBOX_DELIVERY_BACKEND, settings.OUTBOX_MAX_ATTEMPTS = FAILING, attempts_allowed
    send_mail("Votre inscription", "Bonjour Julie, voici le lien d’annulation.", None, ["julie@example.org"])
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM
    return OutgoingMail.objects.get(recipients="julie@example.org")


@pytest.mark.django_db
def test_only_administrators_see_the_outbox_and_retry_a_failed_mail(client, home, settings):
    world = build_world(home)
    stored = failed_mail(settings)
    assert stored.status == MailStatus.FAILED and "refuse la connexion" in stored.last_error
    index = reverse("courriels-sortants:index")
    inspect = reverse("courriels-sortants:inspect", args=(stored.pk,))
    retry = reverse("courriels-sortants:retry", args=(stored.pk,))
    edit = reverse("courriels-sortants:edit", args=(stored.pk,))

    for url in (index, inspect, retry):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    for name in ("membre", "coordination", "moderation"):
        client.force_login(world.users[name])
        for url in (index, inspect, retry, edit):
            response = client.get(url, follow=True)
            assert "julie@example.org" not in response.content.decode(), (name, url)
        client.post(retry)
        assert OutgoingMail.objects.get().status == MailStatus.FAILED

    client.force_login(world.users["administration"])
    listing = client.get(index).content.decode()
    assert "Votre inscription" in listing and "julie@example.org" in listing and "Échec" in listing
    details = client.get(inspect).content.decode()
    assert "Bonjour Julie" in details and "refuse la connexion" in details and retry in details
    assert client.get(edit).status_code == 302  # read-only, even for administrators
    assert "Oui, réessayer" in client.get(retry).content.decode()
    assert client.post(retry).status_code == 302
    stored.refresh_from_db()
    assert stored.status == MailStatus.SENT
    assert [message.to for message in mail.outbox] == [["julie@example.org"]]


@pytest.mark.django_db
def test_the_scheduled_retry_sends_what_is_due(settings):
    stored = failed_mail(settings, attempts_allowed=5)
    assert stored.status == MailStatus.PENDING and stored.next_attempt_at > timezone.now()
    call_command("retry_outbox", stdout=StringIO())
    assert OutgoingMail.objects.get().status == MailStatus.PENDING  # not due yet
    OutgoingMail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    out = StringIO()
    call_command("retry_outbox", stdout=out)
    assert "1 courriel(s) remis dans la file" in out.getvalue()
    assert OutgoingMail.objects.get().status == MailStatus.SENT and len(mail.outbox) == 1


@pytest.mark.django_db
def test_stored_mails_follow_the_retention_rules(settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    send_mail("Ancien", "Texte", None, ["ancien@example.org"])
    send_mail("Récent", "Texte", None, ["recent@example.org"])
    old_failure = failed_mail(settings)
    OutgoingMail.objects.filter(subject="Ancien").update(sent_at=timezone.now() - timedelta(days=31))
    OutgoingMail.objects.filter(pk=old_failure.pk).update(created_at=timezone.now() - timedelta(days=3 * 365))
    assert "Ancien" in str(privacy.export_person("ANCIEN@example.org"))

    call_command("anonymise_personal_data", stdout=StringIO())
    assert list(OutgoingMail.objects.values_list("subject", flat=True)) == ["Récent"]
    privacy.erase_person("recent@example.org")
    assert not OutgoingMail.objects.exists()
