"""The sitemap: an index of paginated sections (Django's sitemaps framework with Wagtail's pages),
every live public page in every language with its real translations as `xhtml:link` alternates,
and what the apps register (compagnon profiles). Rendered once, then served from the cache until
the publication generation changes (any publish, unpublish, move or delete, any saved person:
`passerelles.publication`)."""

from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from .publication import versioned_key

PAGE_SIZE = 1000
SECTIONS = {}


def register(name, sitemap_class):
    """An app adds a section (e.g. network's compagnon profiles)."""
    SECTIONS[name] = sitemap_class


def alternates_for(versions, request):
    """[{lang_code, location}] of a content's live versions, when there is more than one."""
    if len(versions) < 2:
        return []
    return [
        {"lang_code": version.locale.language_code, "location": version.get_full_url(request)}
        for version in sorted(versions, key=lambda version: version.locale.language_code)
    ]


class PageSitemap(WagtailSitemap):
    """Every live public page of the site in every language (Wagtail's lists one language)."""

    limit = PAGE_SIZE

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for localized_root in roots:
            pages |= Page.objects.descendant_of(localized_root, inclusive=True)
        return pages.live().public().select_related("locale").order_by("path")

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        versions = {}
        for version in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
        ):
            versions.setdefault(version.translation_key, []).append(version)
        urls, last_mods = [], set()
        for item in items:
            location = item.get_full_url(self.request)
            if not location:
                continue
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "alternates": alternates_for(versions.get(item.translation_key, []), self.request),
                }
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sections(request):
    return {"pages": PageSitemap(request), **{name: cls(request) for name, cls in SECTIONS.items()}}


def _cached(request, render):
    key = versioned_key("sitemap", request.get_host(), request.get_full_path())
    cached = cache.get(key)
    if cached is None:
        response = render()
        if response.status_code != 200:
            return response
        response.render()
        cached = (response.content, response["Content-Type"])
        cache.set(key, cached, 24 * 3600)
    response = HttpResponse(cached[0], content_type=cached[1])
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's sitemap views say
    patch_cache_control(response, public=True, max_age=3600)
    return response


def index(request):
    return _cached(
        request,
        lambda: sitemap_views.index(request, sections(request), sitemap_url_name="sitemap_section"),
    )


def section(request, section):
    return _cached(request, lambda: sitemap_views.sitemap(request, sections(request), section=section))
