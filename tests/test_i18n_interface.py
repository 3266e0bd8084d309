"""Interface leftovers in Dutch, German and English: vocabulary labels in forms, compagnons'
languages, the map's buttons, the footer, the admin login, colons, the 404 page, weekdays."""

import re

import pytest
from django.core import mail

from network.models import Person
from tests.test_network_meetups import valid_data

pytestmark = pytest.mark.django_db


def html_of(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode()


def dutch_profile_url():
    person = Person.objects.public().filter(languages__icontains="néerlandais", formats__isnull=False).first()
    return person, f"/nl/gids/compagnons/{person.pk}-{person.slug}/"


def test_compagnon_profile_in_dutch_has_dutch_formats_and_languages(client, demo_content):
    person, url = dutch_profile_url()
    html = html_of(client, url)
    options = re.findall(r'<option value="\d+">([^<]*)</option>', html)
    assert options and "Visite sur site" not in options
    assert "Bezoek ter plaatse" in options or "Inleefdag" in options
    languages = re.search(r"<dt>Talen</dt><dd>(.*?)</dd>", html).group(1)
    assert "Nederlands" in languages and "néerlandais" not in languages and "français" not in languages


def test_unknown_language_name_stays_as_written_and_marked_french(client, demo_content):
    person, url = dutch_profile_url()
    Person.objects.filter(pk=person.pk).update(languages="français, créole")
    languages = re.search(r"<dt>Talen</dt><dd>(.*?)</dd>", html_of(client, url)).group(1)
    assert languages == 'Frans, <span lang="fr">créole</span>'


def test_map_buttons_and_footer_follow_the_language(client, demo_content):
    html = html_of(client, "/en/directory/carte/")
    assert 'data-zoom-in="Zoom in"' in html and 'data-zoom-out="Zoom out"' in html
    footer = html.split('class="site-footer"', 1)[1]
    assert 'lang="fr"' not in footer
    assert "Un réseau de structures" not in footer


def test_admin_login_password_label_is_translated(client, demo_content):
    html = html_of(client, "/admin/login/", HTTP_ACCEPT_LANGUAGE="fr")
    labels = [
        re.sub(r"<[^>]+>|\s+", " ", label).strip()
        for label in re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    ]
    assert "Mot de passe *" in labels and "Password *" not in labels


@pytest.mark.parametrize(
    "url",
    [
        "/nl/fiches-en-praktijken/opleiding-fietsmecanicien/",
        "/en/action-sheets-and-practices/bicycle-mechanic-training/",
    ],
)
def test_no_french_space_before_colons(client, demo_content, url):
    response = client.get(url, follow=True)
    html = re.sub(r'<(p|h3) class="card__[^"]*">.*?</\1>', "", response.content.decode(), flags=re.S)
    text = re.sub(r"<[^>]+>", "", html)  # the interface's text, not the French cards of related content
    assert re.findall(r"\w[ \u00a0\u202f]:", text) == []


def test_meetup_mail_in_dutch_has_no_french_space_before_colons(client, demo_content):
    person, url = dutch_profile_url()
    client.post(url, valid_data(format=str(person.formats.first().pk)))
    body = mail.outbox[0].body
    assert re.findall(r"\w[ \u00a0\u202f]:", body) == []


@pytest.mark.parametrize("language", ["nl", "de", "en"])
def test_404_button_goes_to_the_language_home(client, demo_content, language):
    response = client.get(f"/{language}/nergens-te-vinden/")
    assert response.status_code == 404
    assert f'class="button" href="/{language}/"' in response.content.decode()


def test_dutch_month_view_abbreviates_weekdays_the_dutch_way(client, demo_content):
    html = html_of(client, "/nl/agenda/mois/", follow=True)
    abbreviations = re.findall(r'<th scope="col"><abbr title="[^"]+">([^<]+)</abbr></th>', html)
    assert abbreviations == ["ma", "di", "wo", "do", "vr", "za", "zo"]
