"""Meetup requests: the public form, signed answer links, e-mail failures, rate limit, expiry, admin."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from network import meetups
from network.models import MeetupRequest, MeetupStatus
from passerelles.outbox.models import MailStatus, OutgoingMail
from passerelles.templatetags.passerelles_tags import weekday_date
from tests.factories_network import (
    DirectoryPageFactory,
    MeetupRequestFactory,
    OrganisationPageFactory,
    PersonFactory,
    meetup_format,
)
from tests.helpers import assert_fixed_query_budget

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+/rencontre/reponse/\?jeton=\S+")


class FailingEmailBackend(BaseEmailBackend):
    """An SMTP server that refuses everything."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("Le serveur SMTP refuse la connexion")


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory(home):
    return DirectoryPageFactory(parent=home)


@pytest.fixture
def person(directory):
    organisation = OrganisationPageFactory(parent=directory, title="Récup'Sambre")
    return PersonFactory(
        organisation=organisation,
        name="Karim Haddou",
        email="karim.haddou@recup-sambre.example",
        formats=[meetup_format(), meetup_format("appel", "Appel")],
    )


def profile_url(directory, person):
    return directory.person_url(person)


def valid_data(**overrides):
    today = timezone.localdate()
    data = {
        "requester_name": "Inès Moreau",
        "requester_email": "ines.moreau@seconde-vie.example",
        "requester_organisation": "EI Seconde Vie",
        "format": "",
        "date_from": (today + timedelta(days=7)).isoformat(),
        "date_to": (today + timedelta(days=30)).isoformat(),
        "message": "Nous démarrons le démantèlement de petits appareils et voudrions voir vos règles de sécurité.",
        "agree": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_profile_shows_the_form_without_the_person_email(client, directory, person):
    html = client.get(profile_url(directory, person)).content.decode()
    assert "Demander une rencontre à Karim Haddou" in html
    assert 'name="requester_email"' in html
    assert person.email not in html


def test_request_is_saved_mailed_and_answered_through_the_signed_link(client, directory, person):
    response = client.post(profile_url(directory, person), valid_data(format=str(person.formats.first().pk)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Merci, votre demande est bien enregistrée" in html
    assert person.email not in html
    meetup = MeetupRequest.objects.get()
    # A date a visitor can note, not "2 semaines, 6 jours".
    assert f"Sans réponse d’ici le {weekday_date(meetup.expires_at)}" in html and "semaines," not in html
    assert meetup.status == MeetupStatus.NEW and meetup.person == person and meetup.notified_at
    assert not meetup.notification_failed
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [person.email]
    assert "Inès Moreau" in mail.outbox[0].body
    # The requester's address only goes to the compagnon once they accept.
    assert "ines.moreau@seconde-vie.example" not in mail.outbox[0].body
    accept, decline = LINK.findall(mail.outbox[0].body)
    assert "accept" not in decline

    page = client.get(accept)
    assert page.status_code == 200
    assert "Accepter la demande de rencontre" in page.content.decode()
    assert "ines.moreau@seconde-vie.example" not in page.content.decode()
    meetup.refresh_from_db()
    assert meetup.status == MeetupStatus.NEW, "un simple GET (antivirus, aperçu) ne doit rien changer"

    done = client.post(accept, {"message": "Avec plaisir, venez un mardi."})
    assert "Merci pour votre réponse" in done.content.decode()
    meetup.refresh_from_db()
    assert meetup.status == MeetupStatus.ACCEPTED and meetup.answered_at
    assert meetup.response_message == "Avec plaisir, venez un mardi."
    to_requester = [m for m in mail.outbox if m.to == ["ines.moreau@seconde-vie.example"]]
    assert len(to_requester) == 1 and "accepte de vous rencontrer" in to_requester[0].body
    assert "Avec plaisir, venez un mardi." in to_requester[0].body
    assert person.email not in to_requester[0].body
    to_person = [m for m in mail.outbox[1:] if m.to == [person.email]]
    assert "ines.moreau@seconde-vie.example" in to_person[0].body
    assert [change.status for change in meetup.status_changes.all()] == ["new", "accepted"]

    again = client.post(decline, {})
    assert "déjà reçu une réponse" in again.content.decode()
    meetup.refresh_from_db()
    assert meetup.status == MeetupStatus.ACCEPTED


def test_decline_link_declines_and_tells_the_requester(client, directory, person):
    meetup = MeetupRequestFactory(person=person)
    links = meetups.answer_links(meetup, directory, None)
    client.post(links["decline"], {"message": ""})
    meetup.refresh_from_db()
    assert meetup.status == MeetupStatus.DECLINED
    assert "ne peut pas donner suite" in mail.outbox[-1].body
    assert mail.outbox[-1].to == [meetup.requester_email]


@pytest.mark.parametrize(
    "overrides, message",
    [
        (
            {
                "requester_name": "",
                "requester_email": "",
                "message": "",
                "date_from": "",
                "date_to": "",
                "agree": "",
            },
            "Indiquez la première date qui vous conviendrait.",
        ),
        ({"requester_name": "<script>alert(1)</script>"}, "sans balises HTML"),
        ({"message": "<b>Bonjour</b> nous voudrions vous rendre visite bientôt."}, "sans balises HTML"),
        ({"message": "Très long. " * 600}, "au plus 3000 caractères"),
        ({"requester_email": "ines.moreau@"}, "Cette adresse e-mail n’est pas valide"),
        ({"date_from": "2026-13-45"}, "Indiquez une date réelle, par exemple 15/03/2026."),
        ({"date_from": "2020-01-01"}, "Cette date est déjà passée."),
        (
            {"date_to": (timezone.localdate() + timedelta(days=2)).isoformat()},
            "La dernière date doit suivre la première.",
        ),
        ({"date_to": (timezone.localdate() + timedelta(days=800)).isoformat()}, "dans l’année qui vient"),
        ({"format": "999999"}, "Sélectionnez un choix valide."),
        ({"agree": ""}, "Cochez cette case"),
        ({"message": "Trop court"}, "20 caractères au moins"),
    ],
)
def test_bad_input_gets_french_errors_saves_nothing_and_keeps_what_was_typed(
    client, directory, person, overrides, message
):
    data = valid_data(**overrides)
    response = client.post(profile_url(directory, person), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html.replace("&#x27;", "’").replace("'", "’"), html[html.find("meetup-form") :][:3000]
    # One convention for every form: the page title says so, a summary links to each field.
    assert "<title>Erreur :" in html and "Il y a un problème" in html
    summary = html[html.find('class="error-summary"') :].split("</div>", 1)[0]
    assert re.search(r'<a href="#id_[a-z_]+">', summary)
    assert MeetupRequest.objects.count() == 0 and mail.outbox == []
    if data["requester_organisation"]:
        assert 'value="EI Seconde Vie"' in html


def test_a_failing_mail_server_loses_nothing(client, directory, person, settings):
    settings.OUTBOX_DELIVERY_BACKEND = "tests.test_network_meetups.FailingEmailBackend"
    response = client.post(profile_url(directory, person), valid_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Merci, votre demande est bien enregistrée" in html
    meetup = MeetupRequest.objects.get()
    assert meetup.message.startswith("Nous démarrons")
    waiting = OutgoingMail.objects.get(to=[person.email])
    assert waiting.status == MailStatus.PENDING and "refuse la connexion" in waiting.last_error


def test_a_failing_mail_server_keeps_the_answer(client, directory, person, settings):
    meetup = MeetupRequestFactory(person=person)
    links = meetups.answer_links(meetup, directory, None)
    settings.OUTBOX_DELIVERY_BACKEND = "tests.test_network_meetups.FailingEmailBackend"
    client.post(links["accept"], {})
    meetup.refresh_from_db()
    assert meetup.status == MeetupStatus.ACCEPTED
    waiting = OutgoingMail.objects.filter(status=MailStatus.PENDING)
    assert {address for mail_ in waiting for address in mail_.to} == {meetup.requester_email, person.email}


def test_rate_limit_refuses_the_nth_post_and_keeps_the_text(client, directory, person, settings):
    settings.MEETUP_RATE_LIMIT = "3/h"
    url = profile_url(directory, person)
    for number in range(3):  # three people of one structure, from one connection
        email = f"personne{number}@seconde-vie.example"
        assert client.post(url, valid_data(requester_email=email)).status_code == 200
    response = client.post(url, valid_data(requester_name="Quatrième Essai"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Trop de demandes ont été envoyées depuis votre connexion" in html
    assert 'value="Quatrième Essai"' in html and "Nous démarrons le démantèlement" in html
    assert MeetupRequest.objects.count() == 3


def test_honeypot_discards_bots_silently(client, directory, person):
    response = client.post(profile_url(directory, person), valid_data(site_web="http://spam.example"))
    assert "Merci, votre demande est bien enregistrée" in response.content.decode()
    assert MeetupRequest.objects.count() == 0 and mail.outbox == []


def test_tampered_link_is_refused_in_french(client, directory, person):
    meetup = MeetupRequestFactory(person=person)
    link = meetups.answer_links(meetup, directory, None)["accept"]
    token = link.rsplit("=", 1)[1]
    tampered = link.replace(token, token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"))
    for url in (
        tampered,
        directory.url + "rencontre/reponse/?jeton=n-importe-quoi",
        directory.url + "rencontre/reponse/",
    ):
        response = client.post(url, {})
        assert response.status_code == 400
        assert "Ce lien n’est pas valide" in response.content.decode().replace("&#x27;", "’").replace(
            "'", "’"
        )
    meetup.refresh_from_db()
    assert meetup.status == MeetupStatus.NEW


def test_refused_link_offers_the_contact_form_not_a_reply_to_noreply(client, directory, person):
    html = client.post(directory.url + "rencontre/reponse/?jeton=n-importe-quoi", {}).content.decode()
    assert "répondez simplement à l’e-mail" not in html
    assert 'href="/contact/"' in html
    assert "un e-mail plus récent" in html


def test_too_old_signature_is_refused_in_french(client, directory, person, settings):
    meetup = MeetupRequestFactory(person=person)
    link = meetups.answer_links(meetup, directory, None)["accept"]
    settings.MEETUP_EXPIRY_DAYS = -2  # every signature is now older than the allowed age
    response = client.post(link, {})
    assert response.status_code == 410
    assert "Ce lien a expiré" in response.content.decode()
    meetup.refresh_from_db()
    assert meetup.status == MeetupStatus.NEW


def test_overdue_request_expires_when_its_link_is_used(client, directory, person):
    meetup = MeetupRequestFactory(person=person, expires_at=timezone.now() - timedelta(hours=1))
    link = meetups.answer_links(meetup, directory, None)["accept"]
    response = client.get(link)
    assert "Cette demande a expiré" in response.content.decode()
    meetup.refresh_from_db()
    assert meetup.status == MeetupStatus.EXPIRED
    assert mail.outbox[-1].to == [meetup.requester_email]


def test_expire_command_closes_unanswered_requests_with_progress(person):
    overdue = MeetupRequestFactory(person=person, expires_at=timezone.now() - timedelta(days=1))
    fresh = MeetupRequestFactory(person=person, expires_at=timezone.now() + timedelta(days=5))
    answered = MeetupRequestFactory(
        person=person, expires_at=timezone.now() - timedelta(days=1), status=MeetupStatus.ACCEPTED
    )
    from io import StringIO

    out = StringIO()
    call_command("expire_meetup_requests", "--dry-run", stdout=out)
    assert "1 demande(s) à faire expirer" in out.getvalue()
    overdue.refresh_from_db()
    assert overdue.status == MeetupStatus.NEW
    out = StringIO()
    call_command("expire_meetup_requests", stdout=out)
    assert "demande 1/1" in out.getvalue() and "1 demande(s) expirée(s)." in out.getvalue()
    for meetup, status in ((overdue, "expired"), (fresh, "new"), (answered, "accepted")):
        meetup.refresh_from_db()
        assert meetup.status == status
    assert overdue.status_changes.last().changed_by == "commande expire_meetup_requests"
    assert [m.to for m in mail.outbox] == [[overdue.requester_email]]


def test_coordinators_filter_inspect_and_update_requests_in_admin(admin_client_logged, person):
    accepted = MeetupRequestFactory(person=person, requester_name="Luc Accepté")
    accepted.status = MeetupStatus.ACCEPTED
    accepted.save(changed_by="le compagnon (lien signé)")
    MeetupRequestFactory(person=person, requester_name="Nora Nouvelle")

    index = reverse("wagtailsnippets_network_meetuprequest:list")
    html = admin_client_logged.get(index + "?status=accepted").content.decode()
    assert "Luc Accepté" in html and "Nora Nouvelle" not in html

    inspect = admin_client_logged.get(
        reverse("wagtailsnippets_network_meetuprequest:inspect", args=(accepted.pk,))
    )
    html = inspect.content.decode()
    assert inspect.status_code == 200
    assert "Historique des statuts" in html and "le compagnon (lien signé)" in html

    edit_url = reverse("wagtailsnippets_network_meetuprequest:edit", args=(accepted.pk,))
    html = admin_client_logged.get(edit_url).content.decode()
    assert "Historique des statuts" in html and "Nouvelle → Acceptée" in html
    response = admin_client_logged.post(
        edit_url, {"status": "done", "response_message": "", "notification_failed": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    accepted.refresh_from_db()
    assert accepted.status == MeetupStatus.DONE
    assert accepted.requester_name == "Luc Accepté"  # read-only fields untouched
    assert accepted.status_changes.last().changed_by == "root"


def test_profile_query_budget_is_fixed(client, directory, person):
    def grow(count):
        while person.meetup_requests.count() < count // 10:
            MeetupRequestFactory(person=person)
        while person.organisation.people.count() < count // 10:
            PersonFactory(organisation=person.organisation)

    assert_fixed_query_budget(client, profile_url(directory, person), grow, budget=25)
