"""The demo content loads twice without change and every page it builds answers 200, in public and admin."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, Revision

from knowledge.models import FicheActionPage
from passerelles.demo_loading import DemoLoader
from passerelles.demo_translations import translate_page

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_without_change(client, demo_content):
    count = Page.objects.count()
    revisions = Revision.objects.count()
    call_command("load_demo", "--no-index", stdout=open("/dev/null", "w"))
    assert Page.objects.count() == count, "le chargement de la démo n'est pas idempotent"
    # Nothing changed, nothing republished: the pages' history stays as it was.
    assert Revision.objects.count() == revisions
    # One page of each type still answers after the second load.
    for page in {type(page): page for page in Page.objects.live().exclude(depth=1).specific()}.values():
        assert client.get(page.url).status_code == 200, page.url


def test_a_changed_fixture_is_published_and_translated_again_by_the_next_load(demo_content):
    loader = DemoLoader()
    dutch_fiches = FicheActionPage.objects.live().filter(locale__language_code="nl")
    dutch = dutch_fiches.order_by("pk").first()
    fiche = dutch.get_translation(Locale.objects.get(language_code="fr"))
    parent, fields = fiche.get_parent(), {"title": fiche.title, "summary": fiche.summary}
    revisions = Revision.objects.count()

    loader.upsert_page(parent, FicheActionPage, fiche.slug, **fields)  # as the fixtures say
    assert translate_page(fiche, dutch.locale, memory={}) == []  # up to date: no string asked
    assert Revision.objects.count() == revisions

    loader.upsert_page(parent, FicheActionPage, fiche.slug, **{**fields, "summary": "Un résumé revu."})
    fiche.refresh_from_db()
    assert fiche.summary == "Un résumé revu." and fiche.live and not fiche.has_unpublished_changes
    assert Revision.objects.count() == revisions + 1
    # The Dutch page is out of date: its translation is asked again (the memory lacks the new text).
    assert "Un résumé revu." in translate_page(fiche, dutch.locale, memory={})


# One test per language: the four share the pages between the workers.
@pytest.mark.parametrize("language", ["fr", "nl", "de", "en"])
def test_every_demo_page_answers_in_public_and_in_the_admin(
    client, admin_client_logged, demo_content, language
):
    pages = Page.objects.live().exclude(depth=1).filter(locale__language_code=language).specific()
    assert len(pages) >= 5
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, f"{page.url} -> {response.status_code}"
        edit = admin_client_logged.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert edit.status_code == 200, f"admin edit {page.url} -> {edit.status_code}"


def test_demo_home_has_navigation_and_footer(client, demo_content):
    html = client.get("/").content.decode()
    assert "À propos" in html and "Mentions légales" in html
    assert '<html lang="fr">' in html


def test_demo_admin_login_works(client, demo_content):
    assert client.login(username="admin", password="passerelles-demo")
    assert client.get("/admin/").status_code == 200


def test_demo_has_an_account_per_role_and_a_privacy_page(client, demo_content):
    for username in ("membre", "coordination", "moderation"):
        assert client.login(username=username, password="passerelles-demo"), username
    client.logout()
    privacy = client.get("/vie-privee/").content.decode()
    assert "anonymisées après deux ans" in privacy
    assert "aucun cookie de suivi" in privacy
    assert "na twee jaar geanonimiseerd" in client.get("/nl/privacy/").content.decode()


def test_no_tracking_cookie_nor_third_party_content_for_visitors(client, demo_content):
    import re

    for url in ("/", "/fiches-et-pratiques/", "/annuaire/", "/agenda/", "/recherche/?q=vélo", "/vie-privee/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert not response.cookies, f"{url} dépose un cookie : {list(response.cookies)}"
        html = response.content.decode()
        external = [
            address
            for address in re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
            if address.startswith(("http:", "https:", "//")) and not address.startswith("http://testserver/")
        ]
        assert external == [], f"{url} charge des contenus de tiers : {external}"
