"""Posts from forms on cached pages, without a CSRF token.

A CSRF token sets a cookie and makes a page personal: a page holding one cannot be kept in the
page cache (passerelles.pagecache). The anonymous one-click forms of cached pages (supporting a
white-paper recommendation, contributing to it, following it) therefore post without a token to
views marked `csrf_exempt`, and those views check instead that the post comes from a page of this
site, as browsers tell: Fetch Metadata's `Sec-Fetch-Site` and the `Origin` header that every
current browser sends with a form's POST (the `Referer` when there is no Origin). A post forged
on another site is refused; a post with neither header comes from a program, not from a
visitor's browser, and meets the same honeypot and rate limits as any other.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

CROSS_SITE = {"cross-site", "same-site"}


def _trusted(request, address):
    parts = urlsplit(address)
    if not parts.netloc:
        return False
    if parts.netloc == request.get_host():
        return True
    return f"{parts.scheme}://{parts.netloc}" in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])


def from_this_site(request):
    """False when the browser says the post comes from another site."""
    if request.META.get("HTTP_SEC_FETCH_SITE", "") in CROSS_SITE:
        return False
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return _trusted(request, origin)  # "null" (a sandboxed or privacy-stripped page) too
    referer = request.META.get("HTTP_REFERER")
    if referer is not None:
        return _trusted(request, referer)
    return True


def posted_from_this_site(view):
    """`csrf_exempt`, and a POST from another site is refused in French with a 403."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and not from_this_site(request):
            return HttpResponseForbidden(
                _("Cet envoi ne vient pas d’une page de ce site : il n’a pas été enregistré."),
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)
