"""A page without a translation is still served in every language: the French original, with the
interface in the visitor's language and a notice saying the translation does not exist yet.

Its address in Dutch is the address of its nearest translated ancestor followed by the French
slugs of the rest, e.g. `/nl/fiches-en-praktijken/parcours-mobilite/` for the untranslated fiche
`/fiches-et-pratiques/parcours-mobilite/`: the language stays in the URL, so every link, form and
the switcher keep the visitor's language. `serve` routes such an address when Wagtail's own routing
(the Dutch tree only) finds nothing; `language_versions` builds these addresses for the switcher,
`visitor_url` for form actions and redirects.
"""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .fragments import active_locale

SHOWN_IN_ORIGINAL = "passerelles_shown_in_original"
SUBPAGE_PATH = "passerelles_subpage_path"
# (pk, address) of the page `serve` routed to, its sub-route left out.
SERVED_PAGE = "passerelles_served_page"


def _components(path):
    return [component for component in path.split("/") if component]


def _route_in_original(request, site, components):
    """Routes `components` in the active language's tree as far as it goes, then in the French
    original of the deepest page found. Returns Wagtail's RouteResult, or None."""
    localized_root = site.root_page.localized.specific
    default = Locale.get_default()
    for depth in range(len(components), -1, -1):
        try:
            prefix = localized_root.route(request, components[:depth])
        except Http404:
            continue
        page = prefix[0]
        original = page if page.locale_id == default.pk else page.get_translation_or_none(default)
        if original is None or (original.pk == page.pk and depth == len(components)):
            continue
        try:
            return original.specific.route(request, components[depth:])
        except Http404:
            continue
    return None


def serve(request, path):
    """Wagtail's `serve`, falling back to the French original outside French."""
    site = Site.find_for_request(request)
    if site is not None and translation.get_language() != settings.LANGUAGE_CODE:
        route = Page.route_for_request(request, path)
        if route is None:
            # Wagtail caches the route on the request: give it the French original's.
            request._wagtail_route_for_request = _route_in_original(request, site, _components(path))
        route = request._wagtail_route_for_request
        if route is not None:
            page = route[0]
            if page.locale_id != Locale.get_active().pk:
                setattr(request, SHOWN_IN_ORIGINAL, page.locale.language_code)
    route = Page.route_for_request(request, path) if site is not None else None
    if route is not None:
        # What follows the page's own address (a RoutablePage's sub-route such as a compagnon
        # profile), for the switcher to append to the page's other languages.
        consumed = route[0].depth - site.root_page.depth
        rest = _components(path)[consumed:]
        sub_path = "/".join(rest) + "/" if rest else ""
        setattr(request, SUBPAGE_PATH, sub_path)
        if request.path.endswith(sub_path):
            setattr(request, SERVED_PAGE, (route[0].pk, request.path[: len(request.path) - len(sub_path)]))
    # Imported here: wagtail.views loads a swappable model at import, and the page models of the
    # apps import this module (for `visitor_url`) before the models registry is ready.
    from wagtail import views as wagtail_views

    return wagtail_views.serve(request, path)


def visitor_url(page, request):
    """The address of `page` (without sub-route) in the visitor's language: the page's own when
    it is in that language, else the address it is served at, else its French original under the
    language's address (as the switcher builds it). Form actions and redirects use it, so a Dutch
    visitor who posts a form on an untranslated page gets the errors and the answer in Dutch.
    No query for a page in the visitor's language or the page being served; one otherwise."""
    if request is None or page.locale_id == active_locale().pk:
        return page.get_url(request)
    served = getattr(request, SERVED_PAGE, None)
    if served is not None and served[0] == page.pk:
        return served[1]
    versions = language_versions(page, request, sub_path="")
    return versions.get(translation.get_language(), (page.get_url(request), False))[0]


def language_versions(page, request, sub_path=None):
    """{language code: (url, real)} for every language of the site: the live translation of `page`
    (real=True) or the fallback address of its French original (real=False), followed by
    `sub_path` (by default the sub-route being served, e.g. a compagnon profile). One query."""
    steplen = page.steplen
    lineage = Page.objects.filter(
        path__in=[page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    ).values("translation_key")
    by_depth = {}
    for version in Page.objects.live().filter(translation_key__in=lineage).select_related("locale"):
        by_depth.setdefault(version.depth, {})[version.locale.language_code] = version
    site = Site.find_for_request(request) if request is not None else None
    root_depth = site.root_page.depth if site is not None else 2
    if sub_path is None:
        sub_path = getattr(request, SUBPAGE_PATH, "") if request is not None else ""
    return {
        code: _address(by_depth, code, page, request, root_depth, sub_path)
        for code, _name in settings.LANGUAGES
    }


def _address(by_depth, code, page, request, root_depth, sub_path):
    """The page's version in `code`, else its deepest translated ancestor followed by the French
    slugs below it (what `serve` routes back to the French original)."""
    slugs = []
    for depth in range(page.depth, root_depth - 1, -1):
        level = by_depth.get(depth, {})
        version = level.get(code)
        url = version.get_url(request) if version is not None else None
        if url:
            return url + "".join(f"{slug}/" for slug in slugs) + sub_path, depth == page.depth
        french = level.get(settings.LANGUAGE_CODE) or (page if depth == page.depth else None)
        if french is None:
            return f"/{code}/", False
        slugs.insert(0, french.slug)
    # No home page in that language: Wagtail routes the French tree under the language's prefix.
    below_root = "".join(f"{slug}/" for slug in slugs[1:])
    return f"/{code}/{below_root}{sub_path}", False
