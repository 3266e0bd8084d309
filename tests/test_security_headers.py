"""Operations: a Content-Security-Policy and a Permissions-Policy on every page (strict on the
public site, compatible with the map, the autocomplete and the admin), no Gravatar in the admin,
server errors reported to ADMINS from the environment."""

import importlib

import pytest
from django.core.checks import run_checks
from django.test import override_settings
from django.urls import reverse

from passerelles.security import public_policy, tile_source
from tests.factories_search import publish_page

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_have_a_strict_policy(client, home):
    for url in ("/", reverse("search:index"), reverse("search:index") + "?q=velo", "/page-inconnue/"):
        response = client.get(url)
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["connect-src"] == ["'self'"], url  # the autocomplete asks the site itself
        assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_the_map_tiles_are_allowed_and_nothing_else():
    policy = public_policy("https://tile.openstreetmap.org/{z}/{x}/{y}.png")["DIRECTIVES"]
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert tile_source("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_source("") == ""


def test_production_settings_allow_the_configured_tile_server(monkeypatch):
    monkeypatch.setenv("MAP_TILE_URL", "https://tuiles.example.be/{z}/{x}/{y}.png")
    base = importlib.reload(importlib.import_module("passerelles.settings.base"))
    assert "https://tuiles.example.be" in base.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    monkeypatch.delenv("MAP_TILE_URL")
    importlib.reload(base)


def test_the_admin_has_its_own_policy_without_third_parties(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's date pickers and inline panels
    every_source = " ".join(source for sources in policy.values() for source in sources)
    assert "http" not in every_source  # no third-party origin at all
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert "Permissions-Policy" in response


def test_editors_browsing_the_site_keep_wagtails_user_bar(admin_client, home):
    publish_page(home, "Une page", text="Texte")
    response = admin_client.get("/")
    assert "'unsafe-inline'" in directives(response)["script-src"]


def test_server_errors_reach_the_admins_from_the_environment(monkeypatch):
    monkeypatch.setenv(
        "ADMINS", "Équipe technique <tech@passerelles.be>, Astreinte <astreinte@passerelles.be>"
    )
    monkeypatch.setenv("SERVER_EMAIL", "erreurs@passerelles.be")
    base = importlib.reload(importlib.import_module("passerelles.settings.base"))
    assert base.ADMINS == [
        ("Équipe technique", "tech@passerelles.be"),
        ("Astreinte", "astreinte@passerelles.be"),
    ]
    assert base.SERVER_EMAIL == "erreurs@passerelles.be"
    monkeypatch.delenv("ADMINS")
    monkeypatch.delenv("SERVER_EMAIL")
    importlib.reload(base)


def test_deploy_checks_warn_when_nobody_receives_errors():
    with override_settings(ADMINS=[]):
        assert "passerelles.W002" in [m.id for m in run_checks(include_deployment_checks=True)]
    with override_settings(ADMINS=[("Tech", "tech@passerelles.be")]):
        assert "passerelles.W002" not in [m.id for m in run_checks(include_deployment_checks=True)]
