"""What a served page counts as: set while Wagtail serves it (the `before_serve_page` hook).

Counted: a fiche or practice (its page, and its PDF route), a structure's page. Not counted:
other pages and routes, previews (Wagtail does not run the hook for them) and logged-in users
(editors checking their page). The note is kept by the page cache with the page.
"""

from knowledge.models import KnowledgeItemPage
from network.models import OrganisationPage
from passerelles.pagecache import note

from .models import UsageKind

NOTE = "usage"
INDEX_ROUTE = "index_route"  # RoutablePageMixin's name for the page itself


def usage_kind(page, serve_args):
    """The kind of use to count for `page` served with Wagtail's `serve_args`, or None."""
    view = serve_args[0] if serve_args else None
    route = getattr(view, "__name__", INDEX_ROUTE)
    if isinstance(page, KnowledgeItemPage):
        return {INDEX_ROUTE: UsageKind.VIEW, "pdf": UsageKind.PDF}.get(route)
    if isinstance(page, OrganisationPage) and route == INDEX_ROUTE:
        return UsageKind.VIEW
    return None


def mark_served_page(page, request, serve_args, serve_kwargs):
    if getattr(request, "is_preview", False):
        return
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return
    kind = usage_kind(page, serve_args)
    if kind is not None:
        note(request, NOTE, (page.pk, kind.value))
