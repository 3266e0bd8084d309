"""Admin and serving hooks: what a served page counts as, and the usage report in the menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .scopes import scope_of
from .serving import mark_served_page
from .views import UsageReportView

hooks.register("before_serve_page", mark_served_page)


@hooks.register("register_admin_urls")
def register_usage_report_urls():
    return [
        path("reports/statistiques-usage/", UsageReportView.as_view(), name="usage_report"),
        path(
            "reports/statistiques-usage/results/",
            UsageReportView.as_view(results_only=True),
            name="usage_report_results",
        ),
    ]


class UsageReportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(scope_of(request.user))


@hooks.register("register_reports_menu_item")
def register_usage_report_menu_item():
    return UsageReportMenuItem(
        _("Statistiques d'usage"), reverse("usage_report"), name="usage-report", icon_name="table", order=1320
    )
