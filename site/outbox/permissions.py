"""Stored mails hold personal data (addresses, messages, cancel links): administrators only."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

VIEW = "outbox.view_outgoingmail"


class AdministratorsReadOnly(BasePermissionPolicy):
    """Who holds the "view" permission (superusers, the Administrateurs group) may look and retry;
    nobody adds, edits, copies or deletes a stored mail by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm(VIEW)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        permission = Permission.objects.filter(content_type__app_label="outbox", codename="view_outgoingmail")
        return users.filter(
            Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
        ).distinct()
