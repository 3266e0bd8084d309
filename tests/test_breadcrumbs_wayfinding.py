"""Where am I: breadcrumbs start at "Accueil", a compagnon's profile is titled with their name and
its breadcrumb reaches the compagnons; the agenda says in words how to subscribe."""

import re

import pytest

from network.models import DirectoryPage, Person

pytestmark = pytest.mark.django_db


def breadcrumb(html):
    nav = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    return [
        " ".join(re.sub(r"<[^>]+>", "", item).split()) for item in re.findall(r"<li>(.*?)</li>", nav, re.S)
    ]


def test_breadcrumbs_start_at_home_in_every_language(client, demo_content):
    assert breadcrumb(client.get("/agenda/").content.decode())[0] == "Accueil"
    assert (
        breadcrumb(client.get("/nl/agenda/").content.decode())[0] != client.get("/nl/").context["page"].title
    )


def test_a_compagnon_profile_is_titled_with_their_name(client, demo_content):
    person = Person.objects.public().get(name="Youssef El Amrani")
    directory = DirectoryPage.objects.get(locale__language_code="fr")
    html = client.get(directory.person_url(person)).content.decode()
    assert re.search(rf"<title>{re.escape(person.name)} · Compagnons", html)
    assert breadcrumb(html)[-2:] == ["Compagnons", person.name]


def test_the_agenda_explains_how_to_subscribe(client, demo_content):
    html = client.get("/agenda/").content.decode()
    assert "Ajouter un agenda à partir d’une URL" in html
