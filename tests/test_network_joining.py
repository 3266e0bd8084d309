"""Join and claim your structure: the public form, the confirmation link, the zone coordinator's
decision (account, membership, draft page for a new structure), refusal, and coordinators inviting
members."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from network.joining import tokens
from network.models import (
    JoinRequest,
    JoinStatus,
    OrganisationMembership,
    OrganisationPage,
    ZoneCoordinator,
)
from passerelles import privacy
from passerelles.roles import ADMINISTRATORS, COORDINATORS, MEMBERS, MODERATORS, ensure_roles
from tests.factories_network import DirectoryPageFactory, OrganisationPageFactory, structure_type, zone
from tests.helpers import html_errors

pytestmark = pytest.mark.django_db

URL = "/rejoindre/"
PASSWORD = "motdepasse-solide"
VALID_BCE = "0123.456.749"


@pytest.fixture
def world(home):
    groups = ensure_roles(home)
    directory = DirectoryPageFactory(parent=home)
    namur, hainaut = zone("namur"), zone("hainaut")
    structure = OrganisationPageFactory(parent=directory, title="CISP Le Tremplin", zone=namur)
    users = {}
    for username, group, zones in [
        ("coord-namur", COORDINATORS, [namur]),
        ("coord-hainaut", COORDINATORS, [hainaut]),
        ("moderation", MODERATORS, []),
        ("administration", ADMINISTRATORS, []),
    ]:
        user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(groups[group])
        for value in zones:
            ZoneCoordinator.objects.create(user=user, zone=value)
        users[username] = user
    return {
        "groups": groups,
        "directory": directory,
        "structure": structure,
        "namur": namur,
        "hainaut": hainaut,
        "type": structure_type("cisp"),
        "users": users,
    }


def existing(world, **extra):
    return {
        "organisation": world["structure"].pk,
        "first_name": "Amina",
        "last_name": "Lambert",
        "email": "Amina.Lambert@tremplin.example",
        "job_title": "Formatrice",
        "message": "Je coordonne l’atelier vélo.",
        "consent": "on",
        **extra,
    }


def new_structure(world, **extra):
    data = existing(world, organisation="")
    data.update(
        structure_name="Atelier Récup Hainaut",
        structure_type=world["type"].pk,
        enterprise_number=VALID_BCE,
        street_address="Rue de la Station 4",
        postcode="7000",
        municipality="Mons",
        zone=world["hainaut"].pk,
        email="jules@recup-hainaut.example",
    )
    data.update(extra)
    return data


def link_in(message):
    return urlsplit(re.search(r"https?://\S+", message.body).group(0)).path


def submitted_and_confirmed(client, data):
    assert client.post(URL, data).status_code == 302
    join_request = JoinRequest.objects.get()
    confirm = link_in(mail.outbox[-1])
    assert client.post(confirm).status_code == 200
    join_request.refresh_from_db()
    return join_request


def test_the_form_shows_structures_and_works_without_javascript(world, client):
    html = client.get(URL).content.decode()
    assert "CISP Le Tremplin" in html
    assert 'autocomplete="address-line1"' in html and "street-address" not in html
    assert 'name="site_web"' in html  # the honeypot


def test_a_request_is_stored_unconfirmed_and_only_the_visitor_is_mailed(world, client):
    response = client.post(URL, existing(world))
    assert response.status_code == 302 and response.url == "/rejoindre/envoyee/"
    join_request = JoinRequest.objects.get()
    assert join_request.status == JoinStatus.UNCONFIRMED
    assert join_request.email == "amina.lambert@tremplin.example"
    assert join_request.zone == world["namur"]
    assert [message.to for message in mail.outbox] == [["amina.lambert@tremplin.example"]]
    assert "Vérifiez votre boîte e-mail" in client.get(response.url).content.decode()


def test_confirming_sends_the_request_to_the_zones_coordinators_only(world, client):
    join_request = submitted_and_confirmed(client, existing(world))
    assert join_request.status == JoinStatus.PENDING and join_request.confirmed_at
    assert mail.outbox[-1].to == ["coord-namur@example.org"]
    assert f"/admin/snippets/network/joinrequest/inspect/{join_request.pk}/" in mail.outbox[-1].body
    # Following the link again changes nothing and mails nobody.
    count = len(mail.outbox)
    response = client.post(link_in(mail.outbox[0]))
    assert "Demande confirmée" in response.content.decode()
    assert len(mail.outbox) == count


def test_the_link_itself_confirms_nothing_until_the_button_is_pressed(world, client):
    client.post(URL, existing(world))
    response = client.get(link_in(mail.outbox[0]))
    assert "Je confirme ma demande" in response.content.decode()
    assert JoinRequest.objects.get().status == JoinStatus.UNCONFIRMED


def test_a_zone_without_coordinator_goes_to_the_administrators(world, client):
    ZoneCoordinator.objects.filter(zone=world["namur"]).delete()
    submitted_and_confirmed(client, existing(world))
    assert mail.outbox[-1].to == ["administration@example.org"]


@pytest.mark.parametrize(
    "number",
    ["0123.456.789", "12345", "BE 2123.456.749", "abcdefghij", "0" * 40, "<b>0123456749</b>"],
)
def test_a_bad_enterprise_number_is_refused_in_french(world, client, number):
    response = client.post(URL, new_structure(world, enterprise_number=number))
    assert response.status_code == 400
    html = response.content.decode()
    assert "numéro d’entreprise" in html
    assert JoinRequest.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize("number", ["0123456749", "BE0123.456.749", "be 0123 456 749"])
def test_an_enterprise_number_is_stored_as_the_bce_writes_it(world, client, number):
    assert client.post(URL, new_structure(world, enterprise_number=number)).status_code == 302
    assert JoinRequest.objects.get().enterprise_number == VALID_BCE


@pytest.mark.parametrize(
    "change, message",
    [
        ({"organisation": ""}, "Indiquez le nom de la structure, ou choisissez-la dans l’annuaire."),
        ({"organisation": "999999"}, "Choisissez une structure de la liste."),
        ({"organisation": "abc"}, "Choisissez une structure de la liste."),
        ({"structure_name": "Autre"}, "pas les deux"),
        ({"email": ""}, "Indiquez votre adresse e-mail."),
        ({"email": "pas-une-adresse"}, "Indiquez une adresse e-mail valide"),
        ({"email": "a" * 300 + "@exemple.be"}, "254 caractères au plus"),
        ({"first_name": ""}, "Indiquez votre prénom."),
        ({"job_title": ""}, "Indiquez votre fonction."),
        ({"last_name": "<script>alert(1)</script>"}, "sans balises HTML"),
        ({"message": "x" * 5000}, "2 000 caractères au plus"),
        ({"consent": ""}, "Cochez cette case"),
    ],
)
def test_bad_input_is_refused_in_french_and_stores_nothing(world, client, change, message):
    response = client.post(URL, existing(world, **change))
    assert response.status_code == 400
    html = response.content.decode()
    assert escape(message) in html
    assert "<script>alert(1)</script>" not in html
    assert JoinRequest.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize(
    "change, message",
    [
        ({"structure_type": "", "zone": ""}, "Choisissez le type de la nouvelle structure."),
        ({"zone": "999999"}, "Choisissez une zone de la liste."),
        ({"postcode": "70000"}, "Le code postal belge compte quatre chiffres."),
        ({"enterprise_number": ""}, "Indiquez le numéro d’entreprise (BCE)"),
        ({"street_address": "", "municipality": ""}, "Indiquez l’adresse de la nouvelle structure."),
    ],
)
def test_a_new_structure_needs_its_identity(world, client, change, message):
    response = client.post(URL, new_structure(world, **change))
    assert response.status_code == 400
    assert escape(message) in response.content.decode()
    assert JoinRequest.objects.count() == 0


def test_a_filled_honeypot_looks_sent_but_stores_and_mails_nothing(world, client):
    response = client.post(URL, existing(world, site_web="http://spam.example"))
    assert response.status_code == 302
    assert JoinRequest.objects.count() == 0 and mail.outbox == []


def test_a_flood_is_stopped_and_keeps_the_typed_text(world, settings):
    settings.JOIN_RATE_LIMIT = "3/h"
    flood = Client()
    for number in range(3):
        assert flood.post(URL, existing(world, email=f"robot{number}@spam.example")).status_code == 302
    response = flood.post(URL, existing(world, email="robot9@spam.example", job_title="Robot"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "réessayez dans une heure" in html and 'value="Robot"' in html
    assert JoinRequest.objects.count() == 3


def test_the_same_address_cannot_ask_more_than_three_times(world):
    client = Client()
    for _number in range(3):
        assert client.post(URL, existing(world)).status_code == 302
    assert client.post(URL, existing(world)).status_code == 429


def test_an_expired_link_says_so(world, client, monkeypatch):
    client.post(URL, existing(world))
    link = link_in(mail.outbox[0])
    monkeypatch.setattr(tokens, "MAX_AGE", timedelta(seconds=-1))
    response = client.post(link)
    assert response.status_code == 410
    assert "Ce lien a expiré" in response.content.decode()
    assert JoinRequest.objects.get().status == JoinStatus.UNCONFIRMED


@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "x" * 2000,
        signing.dumps({"id": 999999}, salt=tokens.SALT),
        signing.dumps({"id": "1"}, salt=tokens.SALT),
        signing.dumps({"id": 1}, salt="another-salt"),
    ],
    # Named ids: a signed token holds the time it was made, and the xdist workers must collect
    # the same test names.
    ids=["short", "huge", "unknown-request", "id-as-text", "other-salt"],
)
def test_a_tampered_or_unknown_link_is_a_clear_page(world, client, token):
    response = client.get(reverse("network_join_confirm", args=[token]))
    assert response.status_code == 400
    assert "Ce lien n’est pas valide" in response.content.decode()


def test_a_tampered_copy_of_a_real_link_is_refused(world, client):
    client.post(URL, existing(world))
    link = link_in(mail.outbox[0])
    response = client.post(link[:-3] + "abc/")
    assert response.status_code == 400
    assert JoinRequest.objects.get().status == JoinStatus.UNCONFIRMED


def logged(world, username):
    client = Client()
    client.force_login(world["users"][username])
    return client


def decide_url(join_request):
    return reverse("wagtailsnippets_network_joinrequest:decide", args=[join_request.pk])


def test_a_coordinator_of_another_zone_neither_sees_nor_decides(world, client):
    join_request = submitted_and_confirmed(client, existing(world))
    other = logged(world, "coord-hainaut")
    listing = other.get(reverse("wagtailsnippets_network_joinrequest:list"))
    assert listing.status_code == 200 and "Amina" not in listing.content.decode()
    inspect = reverse("wagtailsnippets_network_joinrequest:inspect", args=[join_request.pk])
    assert other.get(inspect).status_code == 404
    assert other.post(decide_url(join_request), {"action": "approve"}).status_code == 404
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.PENDING
    assert not get_user_model().objects.filter(email=join_request.email).exists()


def test_a_moderator_cannot_decide(world, client):
    join_request = submitted_and_confirmed(client, existing(world))
    response = logged(world, "moderation").post(decide_url(join_request), {"action": "approve"})
    assert response.status_code in (302, 403, 404)
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.PENDING


def test_unconfirmed_requests_stay_out_of_the_coordinators_sight(world, client):
    client.post(URL, existing(world))
    coordinator = logged(world, "coord-namur")
    listing = coordinator.get(reverse("wagtailsnippets_network_joinrequest:list"))
    assert "Amina" not in listing.content.decode()


def test_the_zones_coordinator_sees_the_request_on_the_dashboard(world, client):
    join_request = submitted_and_confirmed(client, existing(world))
    html = logged(world, "coord-namur").get(reverse("wagtailadmin_home")).content.decode()
    assert "Demandes d’adhésion à décider" in html
    assert reverse("wagtailsnippets_network_joinrequest:inspect", args=[join_request.pk]) in html
    other = logged(world, "coord-hainaut").get(reverse("wagtailadmin_home")).content.decode()
    assert "Demandes d’adhésion à décider" not in other


def test_approval_creates_the_account_and_membership_and_mails_a_password_link(world, client):
    join_request = submitted_and_confirmed(client, existing(world))
    coordinator = logged(world, "coord-namur")
    inspect = reverse("wagtailsnippets_network_joinrequest:inspect", args=[join_request.pk])
    assert "Accepter la demande" in coordinator.get(inspect).content.decode()
    response = coordinator.post(decide_url(join_request), {"action": "approve"}, follow=True)
    assert "Demande acceptée" in response.content.decode()

    user = get_user_model().objects.get(email="amina.lambert@tremplin.example")
    assert list(user.groups.values_list("name", flat=True)) == [MEMBERS]
    assert not user.has_usable_password()
    assert OrganisationMembership.objects.filter(user=user, organisation=world["structure"]).exists()
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.APPROVED and join_request.user == user
    assert join_request.decided_by == world["users"]["coord-namur"]

    message = mail.outbox[-1]
    assert message.to == ["amina.lambert@tremplin.example"]
    assert "CISP Le Tremplin" in message.body
    password_page = client.get(link_in(message), follow=True)
    assert password_page.status_code == 200
    response = client.post(
        password_page.redirect_chain[-1][0],
        {"new_password1": "Velo-Solidaire-2026", "new_password2": "Velo-Solidaire-2026"},
    )
    assert response.status_code == 302
    assert Client().login(username="amina.lambert@tremplin.example", password="Velo-Solidaire-2026")

    # Decided once: a second approval (a double click, another coordinator) changes nothing.
    count = len(mail.outbox)
    response = coordinator.post(decide_url(join_request), {"action": "approve"}, follow=True)
    assert "n’attend pas de décision" in response.content.decode()
    assert len(mail.outbox) == count
    assert OrganisationMembership.objects.filter(user=user).count() == 1


def test_approving_a_new_structure_creates_its_draft_page(world, client):
    join_request = submitted_and_confirmed(client, new_structure(world))
    assert mail.outbox[-1].to == ["coord-hainaut@example.org"]
    logged(world, "coord-hainaut").post(decide_url(join_request), {"action": "approve"})
    page = OrganisationPage.objects.get(title="Atelier Récup Hainaut")
    assert not page.live and page.get_parent().pk == world["directory"].pk
    assert (page.postcode, page.municipality, page.zone, page.structure_type) == (
        "7000",
        "Mons",
        world["hainaut"],
        world["type"],
    )
    user = get_user_model().objects.get(email="jules@recup-hainaut.example")
    assert OrganisationMembership.objects.filter(user=user, organisation=page).exists()
    assert page.permissions_for_user(user).can_edit()
    assert not world["structure"].permissions_for_user(user).can_edit()


def test_approval_reuses_an_existing_account(world, client):
    existing_user = get_user_model().objects.create_user("amina", "amina.lambert@tremplin.example", PASSWORD)
    join_request = submitted_and_confirmed(client, existing(world))
    logged(world, "administration").post(decide_url(join_request), {"action": "approve"})
    assert get_user_model().objects.filter(email__iexact="amina.lambert@tremplin.example").count() == 1
    assert existing_user.groups.filter(name=MEMBERS).exists()
    assert OrganisationMembership.objects.filter(user=existing_user).exists()
    assert "/admin/login/" in mail.outbox[-1].body  # no password link: they have a password


def test_refusal_mails_the_reason_and_creates_nothing(world, client):
    join_request = submitted_and_confirmed(client, existing(world))
    coordinator = logged(world, "coord-namur")
    response = coordinator.post(
        decide_url(join_request),
        {"action": "refuse", "reason": "Nous ne connaissons pas cette fonction dans la structure."},
        follow=True,
    )
    assert "Demande refusée" in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.REFUSED
    assert not get_user_model().objects.filter(email=join_request.email).exists()
    assert mail.outbox[-1].to == [join_request.email]
    assert "Nous ne connaissons pas cette fonction" in mail.outbox[-1].body
    response = coordinator.post(decide_url(join_request), {"action": "approve"}, follow=True)
    assert "n’attend pas de décision" in response.content.decode()
    assert not get_user_model().objects.filter(email=join_request.email).exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "refuse", "reason": "<b>non</b>"}, "sans balises HTML"),
        ({"action": "refuse", "reason": "x" * 3000}, "2 000 caractères au plus"),
        ({"action": "supprimer"}, "Choisissez d’accepter ou de refuser"),
        ({}, "Choisissez d’accepter ou de refuser"),
    ],
)
def test_a_bad_decision_changes_nothing(world, client, data, message):
    join_request = submitted_and_confirmed(client, existing(world))
    response = logged(world, "coord-namur").post(decide_url(join_request), data, follow=True)
    assert escape(message) in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.PENDING


def test_an_unknown_request_is_a_404(world):
    coordinator = logged(world, "coord-namur")
    assert (
        coordinator.post(reverse("wagtailsnippets_network_joinrequest:decide", args=[999999])).status_code
        == 404
    )


def test_join_requests_are_in_the_personal_data_export_and_erasure(world, client):
    submitted_and_confirmed(client, existing(world))
    source = next(source for source in privacy.sources() if source.model is JoinRequest)
    exported = source.export("amina.lambert@tremplin.example")
    assert exported[0]["job_title"] == "Formatrice"


def test_the_page_links_to_the_form(world, client):
    html = client.get(world["directory"].url).content.decode()
    assert f'href="{URL}"' in html


def test_a_coordinator_invites_a_member_of_a_structure_of_their_zone(world):
    coordinator = logged(world, "coord-namur")
    members = world["groups"][MEMBERS]
    page = coordinator.get(reverse("passerelles_invite"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "CISP Le Tremplin" in html and ADMINISTRATORS not in html
    response = coordinator.post(
        reverse("passerelles_invite"),
        {
            "email": "nouvelle@tremplin.example",
            "first_name": "Nora",
            "last_name": "Peeters",
            "role": members.pk,
            "organisation": world["structure"].pk,
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nouvelle@tremplin.example")
    assert list(user.groups.values_list("name", flat=True)) == [MEMBERS]
    assert user.organisation_memberships.get().organisation == world["structure"]
    assert mail.outbox[-1].to == ["nouvelle@tremplin.example"]


@pytest.mark.parametrize("role", [ADMINISTRATORS, MODERATORS, COORDINATORS])
def test_a_coordinator_cannot_invite_to_another_role(world, role):
    response = logged(world, "coord-namur").post(
        reverse("passerelles_invite"),
        {
            "email": "intrus@exemple.be",
            "first_name": "I",
            "last_name": "N",
            "role": world["groups"][role].pk,
            "organisation": world["structure"].pk,
        },
    )
    assert response.status_code == 200
    assert "invite des membres uniquement" in response.content.decode()
    assert not get_user_model().objects.filter(email="intrus@exemple.be").exists()


def test_a_coordinator_cannot_invite_to_a_structure_of_another_zone(world):
    response = logged(world, "coord-hainaut").post(
        reverse("passerelles_invite"),
        {
            "email": "intrus@exemple.be",
            "first_name": "I",
            "last_name": "N",
            "role": world["groups"][MEMBERS].pk,
            "organisation": world["structure"].pk,
        },
    )
    assert response.status_code == 200
    assert escape("Choisissez une structure de l’annuaire") in response.content.decode()
    assert not get_user_model().objects.filter(email="intrus@exemple.be").exists()


def test_a_moderator_still_cannot_invite(world):
    assert logged(world, "moderation").get(reverse("passerelles_invite")).status_code in (302, 403)


@pytest.mark.html
@pytest.mark.parametrize("data", [None, {"email": "pas-une-adresse", "enterprise_number": "12"}])
def test_the_form_is_valid_html_with_and_without_errors(world, client, data):
    response = client.get(URL) if data is None else client.post(URL, data)
    assert html_errors(response.content.decode()) == []


@pytest.mark.html
def test_the_confirmation_and_invalid_link_pages_are_valid_html(world, client):
    client.post(URL, existing(world))
    for path in [
        link_in(mail.outbox[0]),
        reverse("network_join_confirm", args=["abc"]),
        "/rejoindre/envoyee/",
    ]:
        assert html_errors(client.get(path).content.decode()) == []


def test_the_demo_coordinator_decides_the_requests_of_every_demo_zone(demo_content):
    from passerelles.vocabularies.models import Zone  # only this demo test needs the vocabulary

    coordination = get_user_model().objects.get(username="coordination")
    zones = set(ZoneCoordinator.objects.filter(user=coordination).values_list("zone__slug", flat=True))
    assert zones and zones == set(Zone.objects.canonical().values_list("slug", flat=True))
