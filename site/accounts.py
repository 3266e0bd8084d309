"""Creating an account for someone who joins (an invitation, an approved join request), and the
link that lets them choose their password.

Shared by `passerelles.onboarding` and `network.joining`: it imports no app. The account has no
usable password until the person follows the link to Wagtail's own "choose a new password" page
(Django's password-reset token: single use, expires after PASSWORD_RESET_TIMEOUT).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .public_address import absolute_url


def account_exists(email):
    return get_user_model().objects.filter(email__iexact=email.strip()).exists()


def create_account(email, first_name, last_name, group):
    """A new active account named by its e-mail address, in `group`, without a usable password."""
    email = email.strip().lower()
    user = get_user_model()(username=email, email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.save()
    user.groups.add(group)
    return user


def account_for(email, first_name, last_name, group_name):
    """(user, created): the account of this e-mail address, added to the group, or a new one."""
    group = Group.objects.get(name=group_name)
    user = get_user_model().objects.filter(email__iexact=email.strip()).order_by("pk").first()
    if user is None:
        return create_account(email, first_name, last_name, group), True
    user.groups.add(group)
    return user, False


def password_link(user, request=None):
    """The absolute link to choose a password (single use)."""
    return absolute_url(
        reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        ),
        request,
    )


def login_link(request=None):
    return absolute_url(reverse("wagtailadmin_login"), request)
