"""Every absolute link that leaves the site (e-mails, .ics files, PDFs, feeds, robots.txt) comes
from the Wagtail Site's configured address, whatever host the request came through."""

import io
import re

import icalendar
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Locale, Site

from knowledge.livreblanc.models import EditionPage
from network.events.models import EventPage
from network.models import OrganisationPage, Person
from passerelles.public_address import configured_host_and_port
from passerelles.roles import MEMBERS
from tests.test_network_meetups import valid_data

pytestmark = pytest.mark.django_db

PUBLIC = "https://passerelles.example.be"
# The request arrives through an internal name (a proxy, a worker): it must never leak.
INTERNAL = {"HTTP_HOST": "127.0.0.1:8000"}
URL = re.compile(r"(?:https?|webcal)://[^\s\"'<>)]+")


@pytest.fixture
def public_site(demo_content):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "passerelles.example.be", 443
    site.save()
    Site.clear_site_root_paths_cache()
    yield site
    Site.clear_site_root_paths_cache()


def assert_public(urls):
    urls = list(urls)
    assert urls, "no absolute link found"
    for url in urls:
        assert url.startswith((PUBLIC, "webcal://passerelles.example.be")), url


def pdf_links_and_text(content):
    reader = PdfReader(io.BytesIO(content))
    links, text = [], ""
    for page in reader.pages:
        text += page.extract_text() or ""
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and action.get("/URI"):
                links.append(str(action["/URI"]))
    links = [link for link in links if link.startswith("http")]  # not tel: or mailto:
    return links, text


def test_demo_site_is_the_configured_address(demo_content):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.WAGTAILADMIN_BASE_URL
    with override_settings(WAGTAILADMIN_BASE_URL="https://passerelles.be"):
        assert configured_host_and_port() == ("passerelles.be", 443)


def test_meetup_request_mail_links_to_the_public_site(client, public_site):
    person = Person.objects.public().filter(formats__isnull=False).order_by("pk").first()
    directory = person.organisation.get_parent().specific
    url = directory.url + directory.reverse_subpage("compagnon_profile", args=[person.pk, person.slug])
    response = client.post(url, valid_data(format=str(person.formats.first().pk)), **INTERNAL)
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    assert_public(URL.findall(mail.outbox[0].body))


def test_event_registration_mail_and_ics_link_to_the_public_site(client, public_site):
    event = (
        EventPage.objects.live()
        .filter(registration_mode="site", start__gte=timezone.now(), locale__language_code="fr")
        .order_by("start")
        .first()
    )
    data = {"name": "Julie Vandenberghe", "email": "julie@example.org", "organisation": "CPAS de Tournai"}
    client.post(event.url + "inscription/", data, **INTERNAL)
    message = mail.outbox[0]
    assert_public(URL.findall(message.body))
    _filename, content, _mimetype = message.attachments[0]
    vevent = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["URL"]).startswith(PUBLIC)
    assert str(vevent["UID"]).endswith("@passerelles.example.be")

    feed = client.get(event.get_parent().url + "ical/", **INTERNAL).content.decode()
    assert "localhost" not in feed and "127.0.0.1" not in feed
    assert_public(URL.findall(feed))
    page = client.get(event.get_parent().url, **INTERNAL).content.decode()
    assert 'href="webcal://passerelles.example.be/' in page


def assert_public_pdf(content):
    links, text = pdf_links_and_text(content)
    text = text.replace("\u2010\n", "").replace("\n", "")  # URLs hyphenated across lines
    for internal in ("localhost", "127.0.0.1", "testserver"):
        assert internal not in text
    assert "passerelles.example.be" in text or links
    if links:
        assert_public(links)


def test_pdfs_link_to_the_public_site(client, public_site):
    assert_public_pdf(client.get("/fiches-et-pratiques/formation-mecanicien-velo/pdf/", **INTERNAL).content)
    edition = EditionPage.objects.get(slug="edition-2026", locale=Locale.get_default())
    assert_public_pdf(client.get(edition.url + "pdf/", **INTERNAL).content)


def test_feeds_and_robots_link_to_the_public_site(client, public_site):
    feed = client.get("/fiches-et-pratiques/flux/", **INTERNAL).content.decode()
    assert_public(URL.findall(feed.split("<entry", 1)[0].replace("http://www.w3.org/2005/Atom", "")))
    robots = client.get("/robots.txt", **INTERNAL).content.decode()
    assert "Sitemap: https://passerelles.example.be/sitemap.xml" in robots


def test_invitation_links_to_the_public_site(admin_client_logged, public_site):
    response = admin_client_logged.post(
        reverse("passerelles_invite"),
        {
            "email": "amina.lambert@exemple.be",
            "first_name": "Amina",
            "last_name": "Lambert",
            "role": Group.objects.get(name=MEMBERS).pk,
            "organisation": OrganisationPage.objects.filter(locale__language_code="fr").first().pk,
        },
        **INTERNAL,
    )
    assert response.status_code == 302
    assert_public(URL.findall(mail.outbox[0].body))
