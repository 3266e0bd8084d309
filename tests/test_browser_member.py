"""Real Chromium: a member logs in, edits their structure's fiche and submits it for moderation."""

import pytest

from tests.roles_world import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NEW_SUMMARY = (
    "Six mois d’atelier vélo, un stage en magasin de cycles, et un emploi pour sept stagiaires sur dix."
)


def test_member_edits_their_structures_fiche_and_submits_it(page, site_server, home, artifacts_dir):
    world = build_world(home)
    page.goto(site_server.url + "/admin/login/")
    page.locator("input[name=username]").fill("membre")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()

    page.screenshot(path=str(artifacts_dir / "member-dashboard.png"), full_page=True)
    panel = page.get_by_role("region", name="Ma structure", exact=True)
    assert "Trier les DEEE" not in panel.inner_text()  # another structure's fiche is not offered
    panel.get_by_role("link", name="Réparer des vélos").click()

    page.locator("#id_summary").fill(NEW_SUMMARY)
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-submit']").click()

    assert "a été soumise pour modération" in page.locator(".messages").inner_text()
    page.screenshot(path=str(artifacts_dir / "member-submitted.png"), full_page=True)

    fiche = world.own_fiche
    fiche.refresh_from_db()
    assert fiche.workflow_in_progress
    assert fiche.get_latest_revision_as_object().summary == NEW_SUMMARY
    assert fiche.summary != NEW_SUMMARY  # still the approved text for the public
