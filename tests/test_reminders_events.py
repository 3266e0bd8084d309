"""Event lifecycle: a registrant hears of a move or a cancellation with an updated .ics (same
UID, higher SEQUENCE), is reminded two days before (once, however often the command runs), can
stop that reminder in one click; one session of a weekly event has its own places; coordinators
hear of free places facing a waiting list. Real SMTP server and real outbox worker."""

import csv
import datetime
import io
import re
from io import StringIO
from urllib.parse import unquote

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from network.events import registrations
from network.events.models import EventPage, Registration
from network.events.models.registration import RegistrationStatus
from passerelles.reminders.models import SentReminder
from tests.factories_events import AgendaPageFactory, CalendarPageFactory, EventPageFactory, in_days
from tests.test_outbox import register, run_worker, smtp  # noqa: F401 (the fixture)

CONFIRMED, WAITING, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
)
STOP_LINK = re.compile(r"https?://[^/\s]+(/rappels/arreter/)\?jeton=(\S+)")


def calendar_of(home):
    return CalendarPageFactory(parent=AgendaPageFactory(parent=home), title="Réseau Hainaut")


def site_event(home, calendar=None, **fields):
    fields = {"title": "Rencontre des CISP du Hainaut", "registration_mode": "site", "capacity": 2, **fields}
    return EventPageFactory(parent=calendar or calendar_of(home), **fields)


def vevent_of(message):
    part = next(part for part in message.iter_attachments() if part.get_filename().endswith(".ics"))
    return icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")[0]


def body_of(message):
    return message.get_body(("plain",)).get_content()


def publish(event, **changes):
    event = EventPage.objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()
    return event


def send_reminders():
    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_moved_event_sends_every_registrant_the_updated_ics_then_its_cancellation(client, home, smtp):  # noqa: F811
    smtp.start()
    event = site_event(home, start=in_days(10, hour=9), end=in_days(10, hour=12))
    for name, email in [
        ("Julie", "julie@example.org"),
        ("Marc", "marc@example.org"),
        ("Inès", "ines@example.org"),
    ]:
        assert register(client, event, name, email).status_code == 302
    run_worker()
    [confirmation] = smtp.messages_to("julie@example.org")
    first = vevent_of(confirmation)
    assert int(first.get("SEQUENCE", 0)) == 0

    publish(event, start=in_days(11, hour=14), end=in_days(11, hour=17), venue="Salle Mosaïque")
    run_worker()
    for email in ("julie@example.org", "marc@example.org"):
        notice = smtp.messages_to(email)[-1]
        assert notice["Subject"] == "Changement : Rencontre des CISP du Hainaut"
        moved = vevent_of(notice)
        assert str(moved["UID"]) == str(first["UID"])
        assert int(moved["SEQUENCE"]) == 1
        assert moved.decoded("DTSTART") == in_days(11, hour=14)
        assert "Salle Mosaïque" in str(moved["LOCATION"]) and "Salle Mosaïque" in body_of(notice)
    waiting_notice = smtp.messages_to("ines@example.org")[-1]
    assert waiting_notice["Subject"].startswith("Changement") and not list(waiting_notice.iter_attachments())
    assert "liste d’attente" in body_of(waiting_notice)

    # Publishing again without change, or a change of the text only, tells nobody anything.
    count = len(smtp.received)
    publish(event, introduction="Avec un café d’accueil.")
    run_worker()
    assert len(smtp.received) == count

    publish(event, cancelled=True)
    run_worker()
    notice = smtp.messages_to("julie@example.org")[-1]
    assert notice["Subject"] == "Annulé : Rencontre des CISP du Hainaut"
    cancelled = vevent_of(notice)
    assert str(cancelled["UID"]) == str(first["UID"]) and int(cancelled["SEQUENCE"]) == 2
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert len(smtp.messages_to("marc@example.org")) == 3 and len(smtp.messages_to("ines@example.org")) == 3
    page = client.get(event.url).content.decode()
    assert "Cet événement est annulé." in page and 'name="email"' not in page
    assert Registration.objects.filter(status=CONFIRMED).count() == 2  # kept, should it be reinstated


@pytest.mark.django_db(transaction=True)
def test_the_reminder_two_days_before_is_sent_once_and_stops_in_one_click(client, home, smtp):  # noqa: F811
    smtp.start()
    soon = site_event(
        home, title="Visite d’un chantier école", start=in_days(1, hour=10), end=in_days(1, hour=12)
    )
    later = site_event(home, soon.get_parent(), title="Atelier DEEE", start=in_days(9), capacity=None)
    register(client, soon, "Julie", "julie@example.org")
    register(client, later, "Julie", "julie@example.org")
    run_worker()
    assert "1 courriel" in send_reminders().splitlines()[0]
    assert "0 courriel" in send_reminders().splitlines()[0]  # run again: nothing twice
    run_worker()
    run_worker()  # a restarted worker does not send it again either
    reminders = [m for m in smtp.messages_to("julie@example.org") if m["Subject"].startswith("Rappel")]
    assert [m["Subject"] for m in reminders] == ["Rappel : Visite d’un chantier école"]
    [reminder] = reminders
    assert str(vevent_of(reminder)["SUMMARY"]) == "Visite d’un chantier école"
    assert reminder["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path, token = STOP_LINK.search(body_of(reminder)).groups()
    assert reminder["List-Unsubscribe"].strip() == f"<{STOP_LINK.search(body_of(reminder)).group(0)}>"

    page = client.get(path, {"jeton": unquote(token)})
    assert (
        page.status_code == 200 and "le rappel envoyé deux jours avant cet événement" in page.content.decode()
    )
    # What a mail program's "unsubscribe" button does (RFC 8058): a POST without any cookie.
    done = client.post(path, {"jeton": unquote(token)})
    assert done.status_code == 200 and "C’est noté" in done.content.decode()

    # The same registration moved to a later date would be reminded again: not after the stop.
    publish(soon, start=in_days(2, hour=9), end=in_days(2, hour=11))
    assert "0 courriel" in send_reminders().splitlines()[0]
    # Another registration's reminder still comes.
    publish(later, start=in_days(1), end=in_days(1, hour=16))
    assert "1 courriel" in send_reminders().splitlines()[0]
    assert SentReminder.objects.filter(kind="events.reminder").count() == 2


@pytest.mark.django_db
def test_forged_or_cut_stop_links_get_a_french_message(client):
    for token in ["", "n'importe quoi", "x" * 5000, "<script>alert(1)</script>", "eyJrIjoiZXZlbnRzIn0:1:abc"]:
        for method in (client.get, client.post):
            response = method("/rappels/arreter/", {"jeton": token})
            assert response.status_code == 400
            assert "Ce lien n’est pas valide" in response.content.decode()


@pytest.mark.django_db
def test_registration_to_one_date_of_a_weekly_event_counts_against_that_date_only(client, home):
    event = site_event(
        home,
        title="Permanence numérique",
        start=in_days(3, hour=14),
        recurrence="WEEKLY",
        recurrence_count=6,
        capacity=1,
    )
    first, second = [occurrence.start for occurrence in event.occurrences(timezone.now())[:2]]
    page = client.get(event.url).content.decode()
    assert '<select name="occurrence"' in page and "1 place" in page

    def register_to(date, name, email):
        data = {"name": name, "email": email, "organisation": "", "occurrence": date.isoformat()}
        return client.post(event.url + "inscription/", data)

    assert register_to(first, "Julie", "julie@example.org").status_code == 302
    assert register_to(second, "Marc", "marc@example.org").status_code == 302
    assert register_to(first, "Inès", "ines@example.org").status_code == 302
    statuses = {r.email: (r.occurrence_start, r.status) for r in Registration.objects.all()}
    assert statuses == {
        "julie@example.org": (first, CONFIRMED),
        "marc@example.org": (second, CONFIRMED),
        "ines@example.org": (first, WAITING),
    }
    # Julie may come to the second date too: one registration per date.
    assert register_to(second, "Julie", "julie@example.org").status_code == 302
    assert Registration.objects.get(email="julie@example.org", occurrence_start=second).status == WAITING

    # The .ics of a session holds that date only, without the series' rule.
    marc = [m for m in mail.outbox if m.to == ["marc@example.org"]][0]
    session = icalendar.Calendar.from_ical(marc.attachments[0][1]).walk("VEVENT")[0]
    assert session.decoded("DTSTART") == second and "RRULE" not in session

    # A date that is not one of the event's, garbage, or nothing: a French message, nothing stored.
    for bad in [in_days(4).isoformat(), "demain", "x" * 3000, "<b>1</b>", ""]:
        response = register_to_raw(client, event, bad)
        assert response.status_code == 400
        assert "Choisissez" in response.content.decode()
    assert Registration.objects.count() == 4

    # Freeing Julie's place on the first date promotes Inès, not anybody of the second date.
    registrations.cancel(Registration.objects.get(email="julie@example.org", occurrence_start=first))
    assert Registration.objects.get(email="ines@example.org").status == CONFIRMED
    assert Registration.objects.get(email="julie@example.org", occurrence_start=second).status == WAITING

    # The coordinators' CSV says which date each person comes to.
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    response = client.get(reverse("events_registrations_csv", args=(event.pk,)))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Date", "Nom"]
    assert [row[0] for row in rows[1:]] == [first.astimezone().strftime("%Y-%m-%d %H:%M")] * 2 + [
        second.astimezone().strftime("%Y-%m-%d %H:%M")
    ] * 2


def register_to_raw(client, event, value):
    data = {"name": "Lola", "email": "lola@example.org", "organisation": "", "occurrence": value}
    return client.post(event.url + "inscription/", data)


@pytest.mark.django_db
def test_a_series_moved_by_an_hour_moves_each_session_and_a_removed_date_cancels_it(client, home):
    event = site_event(
        home, title="Permanence numérique", start=in_days(3, hour=14), recurrence="WEEKLY", recurrence_count=6
    )
    first, second = [occurrence.start for occurrence in event.occurrences(timezone.now())[:2]]
    for date, email in [(first, "julie@example.org"), (second, "marc@example.org")]:
        client.post(
            event.url + "inscription/",
            {"name": "X", "email": email, "organisation": "", "occurrence": date.isoformat()},
        )
    mail.outbox.clear()
    publish(
        event, start=event.start + datetime.timedelta(hours=1), end=event.end + datetime.timedelta(hours=1)
    )
    moved = {r.email: r.occurrence_start for r in Registration.objects.all()}
    assert moved == {
        "julie@example.org": first + datetime.timedelta(hours=1),
        "marc@example.org": second + datetime.timedelta(hours=1),
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["julie@example.org", "marc@example.org"]
    uids = {m.to[0]: icalendar.Calendar.from_ical(m.attachments[0][1]).walk("VEVENT")[0] for m in mail.outbox}
    assert uids["julie@example.org"]["UID"] != uids["marc@example.org"]["UID"]
    assert int(uids["julie@example.org"]["SEQUENCE"]) == 1

    mail.outbox.clear()
    event = EventPage.objects.get(pk=event.pk)
    event.exception_dates.create(date=(second + datetime.timedelta(hours=1)).astimezone().date())
    event.save_revision().publish()
    assert [m.to[0] for m in mail.outbox] == ["marc@example.org"]
    assert mail.outbox[0].subject == "Date annulée : Permanence numérique"
    assert Registration.objects.get(email="marc@example.org").status == CANCELLED
    assert Registration.objects.get(email="julie@example.org").status == CONFIRMED


@pytest.mark.django_db
def test_coordinators_hear_of_free_places_facing_a_waiting_list_once_per_state(client, home):
    event = site_event(home, title="Job dating HoReCa", capacity=1)
    coordinator = get_user_model().objects.create_user(
        "coordination-hainaut", "coordination@example.org", "x"
    )
    calendar = event.get_parent().specific
    calendar.coordinators = Group.objects.create(name="Coordination du Hainaut")
    calendar.save()
    coordinator.groups.add(calendar.coordinators)
    register(client, event, "Julie", "julie@example.org")
    register(client, event, "Marc", "marc@example.org")
    mail.outbox.clear()
    send_reminders()
    assert mail.outbox == []  # full: nothing to do

    publish(event, capacity=3)  # two more places: the waiting list does not move by itself
    send_reminders()
    send_reminders()
    [notice] = mail.outbox
    assert notice.to == ["coordination@example.org"] and "Job dating HoReCa" in notice.subject
    assert "2 places libres" in notice.body and "1 personne attend" in notice.body
    assert "List-Unsubscribe" in notice.extra_headers
