"""The demo content loads twice without change and every page it builds answers 200, in public and admin."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_and_every_page_answers(client, admin_client_logged, demo_content):
    count = Page.objects.count()
    call_command("load_demo", "--no-index", stdout=open("/dev/null", "w"))
    assert Page.objects.count() == count, "le chargement de la démo n'est pas idempotent"

    pages = Page.objects.live().exclude(depth=1).specific()
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
