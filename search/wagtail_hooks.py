"""Admin: the zero-result searches report, beside Wagtail's "Search terms" (popular) report, and
the visitors' searches per language, where editors feature or hide a "Recherche fréquente"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ZeroResultQueriesReportView
from .models import QueryStat


class QueryStatViewSet(SnippetViewSet):
    model = QueryStat
    icon = "search"
    menu_label = _("Recherches des visiteurs")
    add_to_settings_menu = True
    list_display = ["query_string", "locale", "hits", "results", "featured", "hidden", "last_seen"]
    list_filter = ["locale", "featured", "hidden"]
    search_fields = ["query_string"]
    search_backend_name = None  # a plain database search: these rows are not in the search index
    panels = [FieldPanel("query_string"), FieldPanel("locale"), FieldPanel("featured"), FieldPanel("hidden")]


register_snippet(QueryStatViewSet)


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
