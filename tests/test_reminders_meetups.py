"""Meetup requests: the compagnon is reminded before an unanswered request expires (once, with
the answer links), can stop those reminders; the requester is told when it expires."""

import re
from datetime import timedelta
from io import StringIO
from urllib.parse import unquote

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.models import MeetupStatus
from tests.factories_network import (
    DirectoryPageFactory,
    MeetupRequestFactory,
    OrganisationPageFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db
STOP_LINK = re.compile(r"https?://[^/\s]+(/rappels/arreter/)\?jeton=(\S+)")


def send_reminders():
    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


@pytest.fixture
def person(home):
    directory = DirectoryPageFactory(parent=home)
    organisation = OrganisationPageFactory(parent=directory, title="Récup'Sambre")
    return PersonFactory(organisation=organisation, name="Karim Haddou", email="karim@recup.example")


def test_the_compagnon_is_reminded_once_before_expiry_and_the_requester_told_at_expiry(client, person):
    now = timezone.now()
    soon = MeetupRequestFactory(
        person=person,
        requester_name="Inès Moreau",
        requester_email="ines@example.org",
        expires_at=now + timedelta(days=2),
    )
    MeetupRequestFactory(
        person=person, requester_email="later@example.org", expires_at=now + timedelta(days=15)
    )
    send_reminders()
    send_reminders()
    [reminder] = mail.outbox
    assert reminder.to == ["karim@recup.example"] and "Inès Moreau attend votre réponse" in reminder.subject
    assert "/rencontre/reponse/?jeton=" in reminder.body and "List-Unsubscribe" in reminder.extra_headers

    # The answer link of the reminder works like the first mail's.
    accept = re.search(r"https?://[^/\s]+(/\S*/rencontre/reponse/)\?jeton=(\S+)", reminder.body)
    assert client.get(accept.group(1), {"jeton": unquote(accept.group(2))}).status_code == 200

    mail.outbox.clear()
    type(soon).objects.filter(pk=soon.pk).update(expires_at=now - timedelta(minutes=1))
    send_reminders()
    send_reminders()
    soon.refresh_from_db()
    assert soon.status == MeetupStatus.EXPIRED
    [notice] = mail.outbox
    assert notice.to == ["ines@example.org"] and "sans réponse" in notice.subject


def test_the_compagnon_stops_the_expiry_reminders_in_one_click(client, person):
    now = timezone.now()
    MeetupRequestFactory(person=person, expires_at=now + timedelta(days=1))
    send_reminders()
    path, token = STOP_LINK.search(mail.outbox[0].body).groups()
    response = client.post(path, {"jeton": unquote(token)})
    assert (
        response.status_code == 200
        and "avant l’expiration d’une demande de rencontre" in response.content.decode()
    )
    mail.outbox.clear()
    MeetupRequestFactory(
        person=person, requester_email="autre@example.org", expires_at=now + timedelta(days=1)
    )
    send_reminders()
    assert mail.outbox == []
