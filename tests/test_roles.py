"""Roles: French groups, idempotent set-up, page permissions limited to a member's section."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from passerelles.roles import MEMBERS, ROLE_NAMES, ensure_roles, grant_section
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(home):
    return ensure_roles(home)


def user_in(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "motdepasse-solide")
    user.groups.add(group)
    return user


def test_roles_have_french_names_and_are_idempotent(roles, home):
    ensure_roles(home)
    assert sorted(Group.objects.filter(name__in=ROLE_NAMES).values_list("name", flat=True)) == sorted(
        ROLE_NAMES
    )


def test_member_cannot_edit_outside_their_section(client, django_user_model, roles, home):
    section = StandardPageFactory(parent=home, title="Section des membres", slug="section")
    other = StandardPageFactory(parent=home, title="Mentions légales", slug="mentions")
    grant_section(roles[MEMBERS], section, ["add_page", "change_page"])
    client.force_login(user_in(django_user_model, roles[MEMBERS], "membre"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=(other.pk,)))
    assert response.status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(section.pk,))).status_code == 200
