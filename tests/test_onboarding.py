"""Onboarding: an invitation creates the account in its role and its link lets the person choose a password."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from passerelles.roles import MEMBERS, ensure_roles
from tests.factories_network import DirectoryPageFactory, OrganisationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(home):
    return ensure_roles(home)


def test_invitation_creates_the_account_and_its_link_sets_a_password(
    admin_client_logged, client, roles, home
):
    structure = OrganisationPageFactory(parent=DirectoryPageFactory(parent=home), title="CISP Le Tremplin")
    response = admin_client_logged.post(
        reverse("passerelles_invite"),
        {
            "email": "Amina.Lambert@exemple.be",
            "first_name": "Amina",
            "last_name": "Lambert",
            "role": roles[MEMBERS].pk,
            "organisation": structure.pk,
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="amina.lambert@exemple.be")
    assert list(user.organisation_memberships.values_list("organisation__title", flat=True)) == [
        "CISP Le Tremplin"
    ]
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [MEMBERS]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["amina.lambert@exemple.be"]

    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = urlsplit(link).path
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"new_password1": "Velo-Solidaire-2026", "new_password2": "Velo-Solidaire-2026"},
    )
    assert response.status_code == 302
    assert client.login(username="amina.lambert@exemple.be", password="Velo-Solidaire-2026")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "", "first_name": "A", "last_name": "B"}, "Indiquez l’adresse e-mail"),
        (
            {"email": "pas-une-adresse", "first_name": "A", "last_name": "B"},
            "Cette adresse e-mail n’est pas valide",
        ),
        ({"email": "root@example.org", "first_name": "A", "last_name": "B"}, "Un compte existe déjà"),
        (
            {"email": "x@exemple.be", "first_name": "A", "last_name": "B", "role": "999999"},
            "Choisissez un rôle",
        ),
        (
            {"email": "y@exemple.be", "first_name": "A", "last_name": "B"},
            "Un membre appartient à une structure",
        ),
        (
            {"email": "z@exemple.be", "first_name": "A", "last_name": "B", "organisation": "abc"},
            "Choisissez une structure de l’annuaire",
        ),
    ],
)
def test_bad_invitations_are_refused_in_french(admin_client_logged, roles, data, message):
    users_before = get_user_model().objects.count()
    data.setdefault("role", roles[MEMBERS].pk)
    response = admin_client_logged.post(reverse("passerelles_invite"), data)
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert get_user_model().objects.count() == users_before
    assert mail.outbox == []


def test_only_people_allowed_to_add_users_can_invite(client, django_user_model, roles):
    member = django_user_model.objects.create_user("membre", "membre@example.org", "motdepasse-solide")
    member.groups.add(roles[MEMBERS])
    client.force_login(member)
    response = client.get(reverse("passerelles_invite"))
    assert response.status_code in (302, 403)


def test_password_reset_is_available_from_the_login_page(client, home):
    response = client.get(reverse("wagtailadmin_password_reset"))
    assert response.status_code == 200
