"""*Rapports › Statistiques d'usage*: a month of counters per page, for the reader's scope
(usage.scopes), filtered by zone, with its CSV (or XLSX) export: the monthly CSV."""

from django.http import HttpResponseBadRequest
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from .forms import UsageFilterForm, month_bounds
from .scopes import scope_of
from .stats import page_usage, structures_pages, totals, zones_structures

EXPORT_HEADINGS = {
    "title": _("Page"),
    "page_type": _("Type de page"),
    "structure": _("Structure"),
    "zone": _("Zone"),
    "views": _("Vues"),
    "pdf": _("Téléchargements PDF"),
    "meetup": _("Demandes de rencontre"),
    "registration": _("Inscriptions"),
}


def pages_in_scope(scope, zone=None):
    """The pks of the pages the scope may read (a subquery), None for every page."""
    if scope.everything:
        return structures_pages(zones_structures([zone.pk])) if zone else None
    if zone is not None:
        return structures_pages(zones_structures([zone.pk]))
    if scope.zone_ids:
        return structures_pages(zones_structures(scope.zone_ids)) | structures_pages(scope.structure_ids)
    return structures_pages(scope.structure_ids)


class UsageReportView(ReportView):
    page_title = _("Statistiques d'usage")
    header_icon = "table"
    template_name = "usage/report.html"
    index_url_name = "usage_report"
    index_results_url_name = "usage_report_results"
    default_ordering = None
    paginate_by = 50
    columns = [
        Column("title", label=_("Page")),
        Column("page_type", label=_("Type de page")),
        Column("structure", label=_("Structure")),
        Column("zone", label=_("Zone")),
        NumberColumn("views", label=_("Vues")),
        NumberColumn("pdf", label=_("PDF")),
        NumberColumn("meetup", label=_("Demandes de rencontre")),
        NumberColumn("registration", label=_("Inscriptions")),
    ]
    list_export = list(EXPORT_HEADINGS)
    export_headings = EXPORT_HEADINGS

    def dispatch(self, request, *args, **kwargs):
        self.scope = scope_of(request.user)
        if not self.scope:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def filter_form(self):
        form = UsageFilterForm(self.request.GET, self.scope)
        form.is_valid()
        return form

    def get_base_queryset(self):
        form = self.filter_form
        if not form.is_valid():
            return []
        start, end = month_bounds(form.cleaned_data["mois"])
        return page_usage(start, end, pages_in_scope(self.scope, form.cleaned_data.get("zone")))

    def get_valid_orderings(self):
        return [None]

    def get_filename(self):
        month = self.filter_form.cleaned_data.get("mois", "") if self.filter_form.is_valid() else ""
        return f"statistiques-usage-{month}"

    def get(self, request, *args, **kwargs):
        if self.is_export and not self.filter_form.is_valid():
            errors = " ".join(str(error) for errors in self.filter_form.errors.values() for error in errors)
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["totals"] = totals(self.object_list)
        context["scope"] = self.scope
        return context
