"""Admin: the zero-result searches report, beside Wagtail's "Search terms" (popular) report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from .admin_views import ZeroResultQueriesReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/recherches-sans-resultat/",
            ZeroResultQueriesReportView.as_view(),
            name="search_zero_results",
        ),
        path(
            "reports/recherches-sans-resultat/results/",
            ZeroResultQueriesReportView.as_view(results_only=True),
            name="search_zero_results_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return AdminOnlyMenuItem(
        _("Recherches sans résultat"),
        reverse("search_zero_results"),
        name="search-zero-results",
        icon_name="search",
        order=1310,
    )
