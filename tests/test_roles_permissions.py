"""The permission matrix: every role against every action on every content type.

Each row names an admin URL and the roles that may open it; every other role must be refused
(Wagtail redirects to the dashboard with a message, or answers 403/404). Opening the edit view
is what matters: it is also where a member typing another structure's URL lands.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROLES = ["membre", "coordination", "moderation", "administration"]
EVERYONE_BUT_MEMBERS = {"moderation", "administration"}
MEMBER_AND_REVIEWERS = {"membre", "moderation", "administration"}


def edit_page(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def delete_page(page):
    return reverse("wagtailadmin_pages:delete", args=(page.pk,))


def add_page(parent, app_label, model_name):
    return reverse("wagtailadmin_pages:add", args=(app_label, model_name, parent.pk))


def snippet(instance, action="edit"):
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{action}", args=(instance.pk,))


# (what, url builder, roles allowed)
MATRIX = [
    ("modifier la fiche de sa structure", lambda w: edit_page(w.own_fiche), MEMBER_AND_REVIEWERS),
    ("modifier la fiche d'une autre structure", lambda w: edit_page(w.other_fiche), EVERYONE_BUT_MEMBERS),
    ("supprimer une fiche publiée de sa structure", lambda w: delete_page(w.own_fiche), EVERYONE_BUT_MEMBERS),
    ("supprimer un brouillon de sa structure", lambda w: delete_page(w.own_draft), MEMBER_AND_REVIEWERS),
    ("supprimer la fiche d'une autre structure", lambda w: delete_page(w.other_fiche), EVERYONE_BUT_MEMBERS),
    (
        "créer une fiche",
        lambda w: add_page(w.knowledge, "knowledge", "ficheactionpage"),
        MEMBER_AND_REVIEWERS,
    ),
    (
        "créer une bonne pratique",
        lambda w: add_page(w.knowledge, "knowledge", "bonnepratiquepage"),
        MEMBER_AND_REVIEWERS,
    ),
    ("modifier la page de sa structure", lambda w: edit_page(w.own_structure), MEMBER_AND_REVIEWERS),
    ("modifier la page d'une autre structure", lambda w: edit_page(w.other_structure), EVERYONE_BUT_MEMBERS),
    (
        "créer une structure dans l'annuaire",
        lambda w: add_page(w.directory, "network", "organisationpage"),
        EVERYONE_BUT_MEMBERS,
    ),
    ("modifier l'offre de sa structure", lambda w: edit_page(w.own_offer), MEMBER_AND_REVIEWERS),
    ("modifier l'offre d'une autre structure", lambda w: edit_page(w.other_offer), EVERYONE_BUT_MEMBERS),
    ("créer une offre", lambda w: add_page(w.offers, "offers", "offerpage"), MEMBER_AND_REVIEWERS),
    ("modifier un compagnon de sa structure", lambda w: snippet(w.own_person), MEMBER_AND_REVIEWERS),
    ("modifier un compagnon d'une autre structure", lambda w: snippet(w.other_person), EVERYONE_BUT_MEMBERS),
    (
        "supprimer un compagnon de sa structure",
        lambda w: snippet(w.own_person, "delete"),
        {"membre", "administration"},
    ),
    (
        "supprimer un compagnon d'une autre structure",
        lambda w: snippet(w.other_person, "delete"),
        {"administration"},
    ),
    ("modifier une page libre du site", lambda w: edit_page(w.free_page), EVERYONE_BUT_MEMBERS),
    (
        "modifier un événement de son agenda",
        lambda w: edit_page(w.event),
        {"coordination", "moderation", "administration"},
    ),
    (
        "suivre une demande de rencontre",
        lambda w: snippet(w.meetup_request),
        {"coordination", "administration"},
    ),
    (
        "modérer une contribution au livre blanc",
        lambda w: snippet(w.contribution),
        {"coordination", "moderation", "administration"},
    ),
    ("modifier la taxonomie", lambda w: snippet(w.sector), {"administration"}),
    ("gérer les comptes", lambda w: reverse("wagtailusers_users:index"), {"administration"}),
    (
        "relier un compte à une structure",
        lambda w: reverse("wagtailsnippets_network_organisationmembership:add"),
        {"administration"},
    ),
]


@pytest.fixture
def world(roles_world):
    return roles_world


def test_every_role_against_every_action(client, world):
    refused_but_opened, allowed_but_refused = [], []
    for role in ROLES:
        client.force_login(world.users[role])
        for what, url_of, allowed in MATRIX:
            status = client.get(url_of(world)).status_code
            if role in allowed and status != 200:
                allowed_but_refused.append(f"{role} : {what} ({status})")
            if role not in allowed and status == 200:
                refused_but_opened.append(f"{role} : {what}")
    assert allowed_but_refused == []
    assert refused_but_opened == []


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_and_administrators_can_publish(world, role):
    user = world.users[role]
    for page in (world.own_fiche, world.own_offer, world.own_structure, world.free_page):
        can_publish = page.specific.permissions_for_user(user).can_publish()
        assert can_publish is (role in EVERYONE_BUT_MEMBERS), (role, page.title)


def test_member_cannot_change_another_structures_fiche_by_posting_its_url(client, world):
    client.force_login(world.users["membre"])
    revisions_before = world.other_fiche.revisions.count()
    response = client.post(edit_page(world.other_fiche), {"title": "Piraté", "summary": "Piraté"})
    assert response.status_code in (302, 403)
    world.other_fiche.refresh_from_db()
    assert world.other_fiche.title == "Trier les DEEE"
    assert world.other_fiche.revisions.count() == revisions_before


def test_member_cannot_delete_another_structures_compagnon_by_posting(client, world):
    client.force_login(world.users["membre"])
    client.post(snippet(world.other_person, "delete"))
    world.other_person.refresh_from_db()
    assert world.other_person.name == "Karim Haddad"


def test_member_listings_and_admin_search_show_only_their_structure(client, world):
    client.force_login(world.users["membre"])
    explorer = client.get(reverse("wagtailadmin_explore", args=(world.knowledge.pk,))).content.decode()
    assert "Réparer des vélos" in explorer
    assert "Trier les DEEE" not in explorer

    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "vélo"}).content.decode()
    assert "Réparer des vélos" in search
    assert "Stage en atelier vélo" in search
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "DEEE"}).content.decode()
    assert "Trier les DEEE" not in search

    people = client.get(reverse("wagtailsnippets_network_person:list")).content.decode()
    assert "Sofia Declercq" in people
    assert "Karim Haddad" not in people
    found = client.get(reverse("wagtailsnippets_network_person:list"), {"q": "Karim"}).content.decode()
    assert "Karim Haddad" not in found


def test_moderators_see_every_structures_content(client, world):
    client.force_login(world.users["moderation"])
    explorer = client.get(reverse("wagtailadmin_explore", args=(world.knowledge.pk,))).content.decode()
    assert "Réparer des vélos" in explorer
    assert "Trier les DEEE" in explorer


def test_member_creating_a_compagnon_can_only_choose_their_structure(client, world):
    client.force_login(world.users["membre"])
    url = reverse("wagtailsnippets_network_person:add")
    form = BeautifulSoup(client.get(url).content, "html.parser")
    choices = [option.text for option in form.select("select[name=organisation] option") if option["value"]]
    assert choices == ["Atelier Vélo Châtelet"]
    practices = [option.text for option in form.select("select[name=practices] option")]
    assert "Réparer des vélos" in practices
    assert "Récup Sambre" not in practices  # a structure page is not a practice
    response = client.post(
        url,
        {
            "organisation": world.other_structure.pk,
            "name": "Intrus",
            "role": "Formateur",
            "expertise": "Rien",
            "email": "intrus@example.org",
        },
    )
    assert response.status_code == 200
    assert "Choisissez une structure dont vous êtes membre." in response.content.decode()
    assert not world.other_structure.people.filter(name="Intrus").exists()


def test_a_members_dashboard_lists_their_structures_content_only(client, world):
    client.force_login(world.users["membre"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ma structure" in dashboard
    assert "Modifier la page « Atelier Vélo Châtelet »" in dashboard
    assert "Réparer des vélos" in dashboard and "Stage en atelier vélo" in dashboard
    assert "Trier les DEEE" not in dashboard and "Emploi au tri" not in dashboard

    client.force_login(world.users["moderation"])
    assert "Ma structure" not in client.get(reverse("wagtailadmin_home")).content.decode()
