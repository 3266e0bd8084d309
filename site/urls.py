from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from opendata import urls as opendata_urls
from search import urls as search_urls

from . import contact, language_fallback, sitemaps, views
from .admin_throttle import ThrottledPasswordResetView
from .personal_data_admin import ScopedSiteHistoryView

handler404 = "passerelles.views.page_not_found"
handler500 = "passerelles.views.server_error"

urlpatterns = [
    # Before Wagtail's own: the same URL and name, with a limit on the mails it sends.
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    # Before Wagtail's own too: the site history without other structures' compagnons.
    path("admin/reports/site-history/", ScopedSiteHistoryView.as_view()),
    path("admin/reports/site-history/results/", ScopedSiteHistoryView.as_view(results_only=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "passerelles/img/favicon.svg")),
    path("i18n/", include("django.conf.urls.i18n")),
]

# French, the default language, is served without prefix; /nl/, /de/ and /en/ for the others.
urlpatterns += i18n_patterns(
    path("", include(search_urls)),
    path("", include(opendata_urls)),
    path(pgettext_lazy("url", "contact/"), contact.contact, name="contact"),
    path("", include("passerelles.reminders.urls")),
    path("", include("knowledge.urls")),
    path("", include("alerts.urls")),
    path("", include("network.joining.urls")),
    # Wagtail's page serving, with the French original when a page has no translation yet.
    re_path(wagtail_urls.serve_pattern, language_fallback.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
