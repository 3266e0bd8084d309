"""Admin report of the searches that found nothing: what the sector looks for and cannot find."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from .models import ZeroResultQuery


class ZeroResultQueriesReportView(ReportView):
    page_title = _("Recherches sans résultat")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-hits"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    columns = [
        Column("query_string", label=_("Recherche"), sort_key="query_string"),
        NumberColumn("hits", label=_("Nombre de fois"), sort_key="hits"),
        DateColumn("last_seen", label=_("Dernière fois"), sort_key="last_seen"),
    ]
    list_export = ["query_string", "hits", "last_seen"]
    export_headings = {
        "query_string": _("Recherche"),
        "hits": _("Nombre de fois"),
        "last_seen": _("Dernière fois"),
    }

    def get_base_queryset(self):
        return ZeroResultQuery.objects.all()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
