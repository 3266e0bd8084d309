from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem

from .dashboard import add_dashboard_panels
from .onboarding import InviteView, can_invite
from .translation_report import TranslationReportView


@hooks.register("register_admin_urls")
def register_invite_url():
    return [path("inviter/", InviteView.as_view(), name="passerelles_invite")]


class InviteMenuItem(MenuItem):
    def is_shown(self, request):
        return can_invite(request.user)


@hooks.register("register_settings_menu_item")
def register_invite_menu_item():
    return InviteMenuItem(
        _("Inviter une personne"), reverse("passerelles_invite"), icon_name="mail", order=601
    )


hooks.register("construct_homepage_panels", add_dashboard_panels)


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return [
        path("reports/traductions/", TranslationReportView.as_view(), name="passerelles_translation_report"),
        path(
            "reports/traductions/resultats/",
            TranslationReportView.as_view(results_only=True),
            name="passerelles_translation_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return AdminOnlyMenuItem(
        _("Traductions manquantes"),
        reverse("passerelles_translation_report"),
        name="translation-report",
        icon_name="globe",
        order=1320,
    )
