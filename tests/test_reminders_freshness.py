"""Freshness: the owner of a fiche past its review date gets one mail (however often the
command runs), clicks "toujours à jour", the review is recorded without moderation and the
notices (public page, member's dashboard) are gone; forged, expired or foreign links get a
French message, never an error. Real SMTP server and real outbox worker."""

import datetime
import re
from io import StringIO
from unittest import mock
from urllib.parse import unquote

import pytest
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from knowledge import freshness
from knowledge.models import KnowledgeItemPage, ReviewConfirmation
from network.models import OrganisationMembership
from passerelles.reminders.models import SentReminder
from tests.roles_world import build_world
from tests.test_outbox import run_worker, smtp  # noqa: F401 (the fixture)

STILL_CURRENT = re.compile(r"https?://[^/\s]+(/fiches/toujours-a-jour/)\?jeton=(\S+)")
STALE_NOTICE = "n’a pas été relu depuis"
OLD = datetime.timedelta(days=400)


def make_stale(page):
    day = timezone.localdate() - OLD
    KnowledgeItemPage.objects.filter(pk=page.pk).update(last_reviewed=day)
    page.refresh_from_db()
    return day


def send_reminders():
    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def dashboard(client, user):
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    return html


@pytest.mark.django_db(transaction=True)
def test_owner_reminded_once_confirms_in_one_click_and_the_notices_are_gone(client, home, smtp):  # noqa: F811
    smtp.start()
    world = build_world(home)
    fiche = world.own_fiche
    fiche.save_revision().publish()
    make_stale(fiche)
    colleague = world.users["coordination"]  # also of the structure, with an account
    OrganisationMembership.objects.create(user=colleague, organisation=world.own_structure)
    member = world.users["membre"]
    assert STALE_NOTICE in client.get(fiche.url).content.decode()
    assert "Mes fiches à relire" in dashboard(client, member) and "Réparer des vélos" in dashboard(
        client, member
    )

    assert "fiches-a-relire : 2 courriel(s)" in send_reminders()
    assert "fiches-a-relire : 0 courriel(s)" in send_reminders()  # run twice: each owner once
    run_worker()
    run_worker()
    [mail] = [m for m in smtp.messages_to("membre@example.org") if "relire" in m["Subject"]]
    assert mail["Subject"] == "Fiche à relire : Réparer des vélos"
    assert mail["List-Unsubscribe"].strip().startswith("<http") and mail["List-Unsubscribe-Post"]
    assert len(smtp.messages_to("coordination@example.org")) == 1
    assert SentReminder.objects.filter(kind="knowledge.freshness").count() == 2
    body = mail.get_body(("plain",)).get_content()
    path, token = STILL_CURRENT.search(body).groups()
    token = unquote(token)

    # Opening the link (or a mail scanner doing it) changes nothing.
    page = client.get(path, {"jeton": token})
    assert page.status_code == 200 and "Toujours à jour" in page.content.decode()
    assert KnowledgeItemPage.objects.get(pk=fiche.pk).last_reviewed == timezone.localdate() - OLD

    done = client.post(path, {"jeton": token})
    assert done.status_code == 200 and "la relecture est enregistrée" in done.content.decode()
    fiche.refresh_from_db()
    assert fiche.last_reviewed == timezone.localdate() and not fiche.has_unpublished_changes
    assert fiche.latest_revision.as_object().last_reviewed == timezone.localdate()  # kept by the next edit
    [review] = ReviewConfirmation.objects.all()
    assert review.confirmed_by == member and review.previous_review == timezone.localdate() - OLD
    assert PageLogEntry.objects.filter(page=fiche, action="knowledge.still_current", user=member).exists()
    assert not fiche.workflow_states.exists()  # no moderation round for a date
    assert STALE_NOTICE not in client.get(fiche.url).content.decode()
    assert "Mes fiches à relire" not in dashboard(client, member)

    # The colleague's link is now answered: "already reviewed", nothing changes; no new mail.
    colleague_mail = smtp.messages_to("coordination@example.org")[0].get_body(("plain",)).get_content()
    other_path, other_token = STILL_CURRENT.search(colleague_mail).groups()
    again = client.post(other_path, {"jeton": unquote(other_token)})
    assert again.status_code == 200 and "Fiche déjà relue" in again.content.decode()
    assert ReviewConfirmation.objects.count() == 1
    assert "fiches-a-relire : 0 courriel(s)" in send_reminders()


@pytest.mark.django_db
def test_forged_expired_or_foreign_links_get_a_french_message(client, home):
    world = build_world(home)
    make_stale(world.own_fiche)
    url = reverse("knowledge_still_current")
    for token in [
        "",
        "abc",
        "x" * 5000,
        "<script>alert(1)</script>",
        signing.dumps({"p": "1"}, salt="autre"),
    ]:
        for method in (client.get, client.post):
            response = method(url, {"jeton": token})
            assert response.status_code == 400 and "Ce lien n’est pas valide" in response.content.decode()
    for data in [{"p": "x", "u": 1, "d": "2020-01-01"}, {"p": 1, "u": 1, "d": "pas une date"}, [1, 2]]:
        response = client.post(url, {"jeton": signing.dumps(data, salt=freshness.SALT)})
        assert response.status_code == 400 and "Ce lien n’est pas valide" in response.content.decode()

    valid = freshness.make_token(world.own_fiche, world.users["membre"])
    later = timezone.now() + datetime.timedelta(days=freshness.LINK_DAYS + 1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        expired = client.post(url, {"jeton": valid})
    assert expired.status_code == 410 and "Ce lien a expiré" in expired.content.decode()

    # Someone who left the structure, or a deleted fiche.
    foreign = freshness.make_token(world.own_fiche, world.users["moderation"])
    response = client.post(url, {"jeton": foreign})
    assert response.status_code == 403 and "Vous ne faites plus partie" in response.content.decode()
    gone = signing.dumps({"p": 999999, "u": world.users["membre"].pk, "d": "2020-01-01"}, salt=freshness.SALT)
    assert client.get(url, {"jeton": gone}).status_code == 404
    assert not ReviewConfirmation.objects.exists()
    assert KnowledgeItemPage.objects.get(pk=world.own_fiche.pk).last_reviewed == timezone.localdate() - OLD
