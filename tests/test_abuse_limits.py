"""Abuse limits that work behind a reverse proxy, in a cache every worker shares, keyed on the
e-mail and the target as well as the address; supports that survive a cookie wipe; double posts
refused; the admin login and password reset throttled."""

import importlib

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.checks import run_checks
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from knowledge.livreblanc.models import Contribution, Support
from network.events.models import Registration
from network.models import MeetupRequest
from passerelles.client_ip import client_ip
from tests.factories_events import AgendaPageFactory, CalendarPageFactory, EventPageFactory
from tests.factories_livreblanc import build_white_paper
from tests.factories_network import DirectoryPageFactory, OrganisationPageFactory, PersonFactory
from tests.test_network_meetups import valid_data

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"  # the reverse proxy: every request reaches the application from there


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def behind_proxy(visitor):
    """A client whose requests come through the proxy, which appends the visitor's address."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor)


# The client address


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "", "203.0.113.7"),  # no proxy: the socket's address
        (0, "198.51.100.1", "203.0.113.7"),  # a header nobody vouches for is ignored
        (1, "198.51.100.1", "198.51.100.1"),  # one proxy: the address it saw
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # what the client wrote itself is not believed
        (2, "6.6.6.6, 198.51.100.1, 10.1.1.1", "198.51.100.1"),  # CDN then proxy
        (1, "n'importe quoi", "203.0.113.7"),  # garbage: the socket's address
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_behind_trusted_proxies(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


# Meetup requests and registrations


@pytest.fixture
def person(home):
    directory = DirectoryPageFactory(parent=home)
    organisation = OrganisationPageFactory(parent=directory, title="Récup'Sambre")
    person = PersonFactory(organisation=organisation, name="Karim Haddou")
    return directory, person


def test_visitors_behind_the_proxy_do_not_share_one_bucket(settings, person):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.MEETUP_RATE_LIMIT = "3/h"
    directory, compagnon = person
    url = directory.person_url(compagnon)
    flood = behind_proxy("198.51.100.1")
    for number in range(3):
        data = valid_data(requester_email=f"robot{number}@spam.example")
        assert flood.post(url, data).status_code == 200
    assert flood.post(url, valid_data(requester_email="robot9@spam.example")).status_code == 429
    # Another visitor, through the same proxy, is not punished for it.
    response = behind_proxy("198.51.100.2").post(url, valid_data())
    assert response.status_code == 200
    assert MeetupRequest.objects.filter(requester_email="ines.moreau@seconde-vie.example").exists()


def test_the_same_requester_cannot_flood_one_compagnon(person):
    directory, compagnon = person
    url = directory.person_url(compagnon)
    client = Client()
    for number in range(3):
        message = f"Demande numéro {number} : nous voudrions voir votre atelier de démantèlement."
        assert client.post(url, valid_data(message=message)).status_code == 200
    response = client.post(url, valid_data(message="Une quatrième demande, toujours la même personne."))
    assert response.status_code == 429
    # A colleague on the same connection still gets through.
    other = valid_data(requester_email="collegue@seconde-vie.example")
    assert client.post(url, other).status_code == 200
    assert MeetupRequest.objects.count() == 4


def test_an_identical_meetup_request_is_refused(person):
    directory, compagnon = person
    url = directory.person_url(compagnon)
    Client().post(url, valid_data())
    response = Client().post(url, valid_data(requester_email="INES.MOREAU@seconde-vie.example"))
    assert "Vous avez déjà envoyé cette demande à cette personne" in response.content.decode()
    assert MeetupRequest.objects.count() == 1


@pytest.fixture
def event(home):
    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home), title="Réseau Hainaut")
    return EventPageFactory(parent=calendar, title="Job day", registration_mode="site", capacity=None)


def register(client, event, email, name="Participant"):
    data = {"name": name, "email": email, "organisation": "EPN de Charleroi"}
    return client.post(event.url + "inscription/", data)


def test_a_counsellor_registers_a_group_from_a_shared_connection(event):
    epn = behind_proxy("198.51.100.7")
    with override_settings(TRUSTED_PROXY_COUNT=1):
        for number in range(15):
            assert register(epn, event, f"stagiaire{number}@epn.example").status_code == 302
    assert Registration.objects.filter(event=event).count() == 15


def test_a_registration_flood_is_still_stopped(event, settings):
    settings.REGISTRATION_RATE_LIMIT = "20/h"
    client = Client()
    for number in range(20):
        register(client, event, f"robot{number}@spam.example")
    response = register(client, event, "robot-de-trop@spam.example")
    assert response.status_code == 429
    assert not Registration.objects.filter(email="robot-de-trop@spam.example").exists()
    # The same address over and over for one event is stopped sooner.
    cache.clear()
    statuses = [register(Client(), event, "meme@spam.example").status_code for _ in range(6)]
    assert statuses[-1] == 429


# Shared cache


def test_production_settings_use_a_shared_cache_and_the_table_exists(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    base = importlib.reload(importlib.import_module("passerelles.settings.base"))
    assert base.RATELIMIT_USE_CACHE == "limits"
    assert base.CACHES["limits"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert base.CACHES["limits"]["LOCATION"] in connection.introspection.table_names()
    monkeypatch.setenv("CACHE_URL", "redis://cache.internal:6379/1")
    base = importlib.reload(base)
    for alias in ("default", "limits"):
        assert base.CACHES[alias] == {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://cache.internal:6379/1",
        }
    monkeypatch.delenv("CACHE_URL")
    importlib.reload(base)


def test_deploy_checks_warn_about_a_per_process_rate_limit_cache():
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=locmem):
        assert "passerelles.W001" in [message.id for message in run_checks(include_deployment_checks=True)]
    database = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "passerelles_cache"}
    }
    with override_settings(CACHES=database):
        assert "passerelles.W001" not in [
            message.id for message in run_checks(include_deployment_checks=True)
        ]


def test_limits_count_in_the_database_cache_shared_by_workers(settings, person):
    """Two workers = two processes: with the database cache, both read the same counters."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "passerelles_cache"}
    }
    settings.MEETUP_RATE_LIMIT = "2/h"
    directory, compagnon = person
    url = directory.person_url(compagnon)
    for number in range(2):
        assert Client().post(url, valid_data(requester_email=f"p{number}@example.org")).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM passerelles_cache")
        assert cursor.fetchone()[0] >= 1
    assert Client().post(url, valid_data(requester_email="p9@example.org")).status_code == 429


# White paper


@pytest.fixture
def paper(home):
    return build_white_paper(home, chapters=1, per_chapter=1)


def test_clearing_cookies_does_not_multiply_supports(paper):
    edition, (recommendation,) = paper
    for _ in range(30):
        Client().post(edition.url + "soutenir/", {"recommendation": recommendation.pk})
    assert Support.objects.filter(recommendation=recommendation).count() == 1


def test_rotating_browsers_on_one_connection_is_bounded(paper):
    edition, (recommendation,) = paper
    for number in range(30):
        Client(HTTP_USER_AGENT=f"Robot {number}").post(
            edition.url + "soutenir/", {"recommendation": recommendation.pk}
        )
    assert Support.objects.filter(recommendation=recommendation).count() == 5


def test_an_identical_contribution_is_refused(paper):
    edition, (recommendation,) = paper
    data = {
        "recommendation": recommendation.pk,
        "name": "Nadia Benali",
        "organisation": "CISP Le Tremplin",
        "email": "nadia@example.org",
        "text": "Une stagiaire a refait trois fois le même bilan en un an.",
        "site_web": "",
    }
    assert Client().post(edition.url + "contribuer/", data).status_code == 302
    response = Client().post(edition.url + "contribuer/", data)
    assert response.status_code == 400
    assert "Cette contribution a déjà été reçue" in response.content.decode().replace("&#x27;", "'")
    assert Contribution.objects.count() == 1


# Admin login and password reset


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_admin_login_is_locked_after_repeated_failures(django_user_model):
    django_user_model.objects.create_superuser("gestion", "gestion@example.org", "le-bon-mot-de-passe")
    client = Client()
    url = reverse("wagtailadmin_login")
    for _ in range(5):
        client.post(url, {"username": "gestion", "password": "mauvais"})
    response = client.post(url, {"username": "gestion", "password": "le-bon-mot-de-passe"})
    assert response.status_code == 429
    assert "Trop de tentatives de connexion ont échoué" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another visitor (another address) who knows the password still logs in.
    other = Client(REMOTE_ADDR="198.51.100.30")
    response = other.post(url, {"username": "gestion", "password": "le-bon-mot-de-passe"})
    assert response.status_code == 302 and "_auth_user_id" in other.session


def test_password_reset_mails_are_limited(django_user_model, settings):
    settings.PASSWORD_RESET_RATE = "5/h"
    for number in range(8):
        django_user_model.objects.create_user(f"u{number}", f"u{number}@example.org", "x-motdepasse-long")
    client = Client()
    url = reverse("wagtailadmin_password_reset")
    statuses = [client.post(url, {"email": f"u{number}@example.org"}).status_code for number in range(8)]
    assert statuses[:5] == [302] * 5 and statuses[5:] == [429] * 3
    assert len(mail.outbox) == 5
    response = client.post(url, {"email": "u0@example.org"})
    assert "Trop de demandes de réinitialisation" in response.content.decode()
