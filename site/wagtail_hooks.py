from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import add_dashboard_panels
from .onboarding import INVITE_PERMISSION, InviteView


@hooks.register("register_admin_urls")
def register_invite_url():
    return [path("inviter/", InviteView.as_view(), name="passerelles_invite")]


class InviteMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(INVITE_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_invite_menu_item():
    return InviteMenuItem(
        _("Inviter une personne"), reverse("passerelles_invite"), icon_name="mail", order=601
    )


hooks.register("construct_homepage_panels", add_dashboard_panels)
