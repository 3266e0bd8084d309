"""Template tags of open data: the download links under the listings, and the page's
schema.org JSON-LD and Open Graph description (see `structured_data`)."""

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from .. import structured_data as data
from ..licence import LICENCE_NAME

register = template.Library()

# Parameters of the listing that say nothing about which items are listed.
NOT_FILTERS = ("page", "mois")


@register.inclusion_tag("opendata/includes/download_links.html", takes_context=True)
def download_links(context, resource, only_on=None, **extra):
    """ "Télécharger ces données (CSV, JSON)" for `resource` with the listing's current filters.

    `only_on`: the page class name the exports match (the agenda's, not a calendar's)."""
    if only_on and type(context.get("page")).__name__ != only_on:
        return {"hidden": True}
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is not None:
        for name in NOT_FILTERS:
            query.pop(name, None)
        for name, value in extra.items():
            query[name] = value
    suffix = f"?{query.urlencode()}" if query else ""
    return {
        "csv_url": reverse(f"opendata_export_{resource}", kwargs={"extension": "csv"}) + suffix,
        "json_url": reverse(f"opendata_export_{resource}", kwargs={"extension": "json"}) + suffix,
        "about_url": reverse("opendata_developers"),
        "licence_name": LICENCE_NAME,
    }


@register.inclusion_tag("opendata/includes/structured_data.html", takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD block and its Open Graph description (Wagtail pages only)."""
    page, request = context.get("page"), context.get("request")
    if request is None or getattr(page, "pk", None) is None or not hasattr(page, "url_path"):
        return {}
    graph, open_graph = data.remembered_build(page, context)
    return {"json_ld": mark_safe(data.as_script_data(graph)), "open_graph": open_graph}
