"""Real Chromium, the whole join flow: a staff member asks to join their structure, confirms their
address from the mail, the zone's coordinator approves, the new member chooses a password, logs
in, edits their structure's fiche and submits it for moderation."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from network.models import JoinRequest, JoinStatus, ZoneCoordinator
from tests.helpers import axe_violations
from tests.roles_world import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EMAIL = "lea.martin@velo-chatelet.example"
NEW_PASSWORD = "Atelier-Velo-2026!"
NEW_SUMMARY = "Huit mois d’atelier, un stage en magasin de cycles, et un emploi pour six stagiaires sur dix."


def mailed_path(message):
    return urlsplit(re.search(r"https?://\S+", message.body).group(0)).path


def log_in(page, server, username, password):
    page.goto(server.url + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").click()


def test_sign_up_confirm_approve_then_edit_and_submit_the_fiche(page, site_server, home, artifacts_dir):
    world = build_world(home)
    structure = world.own_structure
    ZoneCoordinator.objects.create(user=world.users["coordination"], zone=structure.zone)

    # 1. The staff member asks to join their structure, from the directory's link.
    page.goto(site_server.url + world.directory.url)
    page.get_by_role("link", name=re.compile("Rejoignez Passerelles")).click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Envoyer ma demande").click()  # empty: the errors, accessible too
    assert "Indiquez votre prénom." in page.content()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_label("Votre structure dans l’annuaire").select_option(label=structure.title)
    page.get_by_label("Votre prénom").fill("Léa")
    page.get_by_label("Votre nom").fill("Martin")
    page.get_by_label("Votre adresse e-mail").fill(EMAIL)
    page.get_by_label("Votre fonction dans la structure").fill("Formatrice en mécanique vélo")
    page.get_by_label(re.compile("J’accepte que la coordination")).check()
    page.screenshot(path=str(artifacts_dir / "join-form.png"), full_page=True)
    page.get_by_role("button", name="Envoyer ma demande").click()
    assert "Vérifiez votre boîte e-mail" in page.locator("h1").inner_text()

    # 2. The confirmation link of the mail, then the button on its page.
    assert mail.outbox[-1].to == [EMAIL]
    page.goto(site_server.url + mailed_path(mail.outbox[-1]))
    page.get_by_role("button", name="Je confirme ma demande").click()
    assert "Demande confirmée" in page.locator("h1").inner_text()
    assert mail.outbox[-1].to == ["coordination@example.org"]
    assert JoinRequest.objects.get().status == JoinStatus.PENDING

    # 3. The zone's coordinator approves it from their dashboard.
    page.context.clear_cookies()
    log_in(page, site_server, "coordination", PASSWORD)
    page.get_by_role("region", name="Demandes d’adhésion à décider").get_by_role(
        "link", name=re.compile("Léa Martin")
    ).click()
    page.get_by_role("button", name="Accepter la demande").click()
    assert "Demande acceptée" in page.locator(".messages").inner_text()
    page.screenshot(path=str(artifacts_dir / "join-approved.png"), full_page=True)

    # 4. The new member chooses a password through the mailed link and logs in.
    assert mail.outbox[-1].to == [EMAIL]
    page.context.clear_cookies()
    page.goto(site_server.url + mailed_path(mail.outbox[-1]))
    page.locator("input[name=new_password1]").fill(NEW_PASSWORD)
    page.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    page.locator("form button[type=submit]").click()
    log_in(page, site_server, EMAIL, NEW_PASSWORD)

    # 5. They edit their structure's fiche and submit it for moderation.
    panel = page.get_by_role("region", name="Ma structure", exact=True)
    assert "Trier les DEEE" not in panel.inner_text()
    panel.get_by_role("link", name="Réparer des vélos").click()
    page.locator("#id_summary").fill(NEW_SUMMARY)
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-submit']").click()
    assert "a été soumise pour modération" in page.locator(".messages").inner_text()
    page.screenshot(path=str(artifacts_dir / "join-member-submitted.png"), full_page=True)

    fiche = world.own_fiche
    fiche.refresh_from_db()
    assert fiche.workflow_in_progress
    assert fiche.get_latest_revision_as_object().summary == NEW_SUMMARY
    assert fiche.get_latest_revision().user.email == EMAIL
