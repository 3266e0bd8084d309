"""Moderation: what a member submits stays off the public site until a moderator approves it."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.admin_forms import form_fields, page_edit_data

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Trois mois d’atelier vélo, puis un stage dans un magasin de cycles partenaire."


@pytest.fixture
def world(roles_world):
    return roles_world


def submit_new_summary(client, page, action="action-submit"):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = page_edit_data(client.get(url).content.decode(), page.specific)
    data["summary"] = [NEW_SUMMARY]
    data[action] = ["1"]
    return client.post(url, data)


def test_a_member_submission_is_published_only_after_a_moderator_approves(client, world):
    fiche = world.own_fiche
    client.force_login(world.users["membre"])
    response = submit_new_summary(client, fiche)
    assert response.status_code == 302

    fiche.refresh_from_db()
    assert fiche.workflow_in_progress
    assert fiche.get_latest_revision_as_object().summary == NEW_SUMMARY
    client.logout()
    assert NEW_SUMMARY not in client.get(fiche.url).content.decode()  # the public sees the old text

    # The moderators are told by e-mail that something waits for them.
    assert any("moderation@example.org" in message.to for message in mail.outbox)

    moderator = world.users["moderation"]
    client.force_login(moderator)
    task_state = fiche.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=(fiche.pk, "approve", task_state.pk))
    mail.outbox.clear()
    assert client.post(approve, {"comment": "Relu, merci."}).status_code in (200, 302)

    fiche.refresh_from_db()
    assert not fiche.workflow_in_progress
    assert fiche.summary == NEW_SUMMARY
    client.logout()
    assert NEW_SUMMARY in client.get(fiche.url).content.decode()
    # The member hears that it was approved.
    assert any("membre@example.org" in message.to for message in mail.outbox)

    # Wagtail's history says who did what.
    history = list(PageLogEntry.objects.filter(page=fiche).values_list("action", "user__username"))
    assert ("wagtail.workflow.start", "membre") in history
    assert ("wagtail.workflow.approve", "moderation") in history
    assert ("wagtail.publish", "moderation") in history


def test_a_member_cannot_publish_even_by_posting_the_publish_button(client, world):
    fiche = world.own_fiche
    client.force_login(world.users["membre"])
    submit_new_summary(client, fiche, action="action-publish")
    fiche.refresh_from_db()
    assert fiche.summary != NEW_SUMMARY
    assert not PageLogEntry.objects.filter(page=fiche, action="wagtail.publish").exists()


def test_a_moderator_can_send_it_back_with_a_comment(client, world):
    fiche = world.own_fiche
    client.force_login(world.users["membre"])
    submit_new_summary(client, fiche)
    fiche.refresh_from_db()
    client.force_login(world.users["moderation"])
    task_state = fiche.current_workflow_task_state
    reject = reverse("wagtailadmin_pages:workflow_action", args=(fiche.pk, "reject", task_state.pk))
    client.post(reject, {"comment": "Ajoutez les résultats chiffrés, s’il vous plaît."})
    fiche.refresh_from_db()
    assert fiche.summary != NEW_SUMMARY
    assert fiche.current_workflow_state.status == "needs_changes"
    assert PageLogEntry.objects.filter(
        page=fiche, action="wagtail.workflow.reject", user__username="moderation"
    ).exists()


def person_profile_url(person):
    return person.organisation.get_parent().specific.person_url(person)


def edit_person(client, person, action, **changes):
    url = reverse("wagtailsnippets_network_person:edit", args=(person.pk,))
    data = form_fields(client.get(url).content.decode(), "w-editor-form")
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = [value]
    data[action] = ["1"]
    return client.post(url, data)


def test_a_compagnon_changed_by_a_member_waits_for_a_moderator(client, world):
    person = world.own_person
    profile_url = person_profile_url(person)
    client.force_login(world.users["membre"])
    response = edit_person(
        client, person, "action-submit", expertise="Accueillir une visite de l’atelier vélo."
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.workflow_in_progress
    client.logout()
    assert "Accueillir une visite" not in client.get(profile_url).content.decode()

    client.force_login(world.users["moderation"])
    task_state = person.current_workflow_task_state
    approve = reverse(
        "wagtailsnippets_network_person:workflow_action", args=(person.pk, "approve", task_state.pk)
    )
    client.post(approve, {"comment": ""})
    client.logout()
    assert "Accueillir une visite" in client.get(profile_url).content.decode()


def test_a_member_withdrawing_consent_hides_the_profile_at_once(client, world):
    person = world.own_person
    profile_url = person_profile_url(person)
    assert client.get(profile_url).status_code == 200
    client.force_login(world.users["membre"])
    edit_person(client, person, "action-submit", consent_given=None)
    client.logout()
    assert client.get(profile_url).status_code == 404
    person.refresh_from_db()
    assert not person.is_public
    # The consent record: who withdrew it and when, in the compagnon's history.
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.filter(object_id=str(person.pk), user__username="membre").latest(
        "timestamp"
    )
    assert entry.revision.content["consent_given"] is False
