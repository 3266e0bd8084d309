"""Page cache for anonymous visitors, with Cache-Control and conditional GET.

Wagtail pages and their routes (listings, feeds, iCal, GeoJSON) answered to a visitor without a
session are kept in Django's cache under the publication generation (passerelles.publication):
the next anonymous request for the same URL is answered from the cache without touching the
database, and any publish, unpublish, move or change of public content starts a new generation.
A response is only kept when it is the same for every anonymous visitor: status 200, no cookie
set (a form's CSRF token or a flash message sets one), no `private`/`no-store`, in the language
of its URL. Everything else (logged-in users, forms, search, admin) goes through untouched and is
marked `private` so a CDN does not keep it either.

An entry read from the shared cache is also kept in the process's memory (process_memory.py),
under the same generation-bearing key: a hit then reads no file and decompresses nothing.

Kept responses carry an ETag (hash of the body) and Last-Modified (the generation's time), and
a request with If-None-Match or If-Modified-Since gets a 304.

Code that serves a page may leave notes about it on the request (`note(request, key, value)`,
e.g. which page was served, for the usage counter): they are kept with the cache entry and put
back on the request when the page is served from the cache, so middleware placed before this
one reads them (`notes(request)`) on a hit and on a 304 alike.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from . import process_memory
from .publication import generation, last_modified, versioned_key

# Cookies that make a visitor's pages personal: a session (logged in, or a form's state) or
# flash messages waiting to be shown.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# The URL name of Wagtail's page serving view: pages and their routable sub-pages.
CACHED_URL_NAME = "wagtail_serve"
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Link")
STATUS_HEADER = "X-Page-Cache"
NOTES_ATTRIBUTE = "page_cache_notes"


def note(request, key, value):
    """Leaves a note about the page served on the request; the cache keeps it with the page."""
    if not hasattr(request, NOTES_ATTRIBUTE):
        setattr(request, NOTES_ATTRIBUTE, {})
    getattr(request, NOTES_ATTRIBUTE)[key] = value


def notes(request):
    """The notes left while serving the page, or kept with it in the cache."""
    return getattr(request, NOTES_ATTRIBUTE, None) or {}


def enabled():
    return getattr(settings, "PASSERELLES_PAGE_CACHE", True)


def is_anonymous_read(request):
    return request.method in ("GET", "HEAD") and not any(name in request.COOKIES for name in PERSONAL_COOKIES)


def language_of_path(path):
    """The language a URL is served in (French, the default, has no prefix)."""
    first = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return first if first in codes else settings.LANGUAGE_CODE


def cache_key(request, current):
    # Hashed: a long query string must not exceed a cache backend's key length.
    url = hashlib.md5(f"{request.get_host()}{request.get_full_path()}".encode(), usedforsecurity=False)
    return versioned_key("page", url.hexdigest(), current=current)


def is_shareable(request, response):
    """True when `response` is the same for every anonymous visitor of this URL."""
    match = getattr(request, "resolver_match", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and match is not None
        and match.url_name == CACHED_URL_NAME
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and response.get("Content-Language", settings.LANGUAGE_CODE) == language_of_path(request.path)
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
    )


def remember_here(key, entry):
    """Keeps the entry in this process's memory too, until it expires in the shared cache."""
    if "expires" in entry:
        process_memory.pages.set(key, entry, len(entry["content"]), entry["expires"])


def public_cache_control(response):
    """Browsers revalidate (cheap with the ETag); a CDN may keep the page, purged on publish."""
    patch_cache_control(
        response,
        public=True,
        max_age=getattr(settings, "PASSERELLES_BROWSER_MAX_AGE", 0),
        s_maxage=getattr(settings, "PASSERELLES_SHARED_MAX_AGE", 300),
    )


def conditional(request, response, etag, modified):
    return get_conditional_response(
        request, etag=etag, last_modified=parse_http_date_safe(modified), response=response
    )


class PageCacheMiddleware:
    """Place it right after WhiteNoise: a hit runs no other middleware and no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and is_anonymous_read(request)):
            return self.mark_private(self.get_response(request))
        current = generation()
        key = cache_key(request, current)
        entry = process_memory.pages.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                remember_here(key, entry)
        if entry is not None:
            return self.from_entry(request, entry)
        response = self.get_response(request)
        if not is_shareable(request, response):
            return self.mark_private(response)
        seconds = getattr(settings, "PASSERELLES_PAGE_CACHE_SECONDS", 300)
        entry = {
            "content": response.content,
            "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
            "etag": f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"',
            "modified": last_modified(current),
            "notes": dict(notes(request)),
            "expires": time.time() + seconds,
        }
        cache.set(key, entry, seconds)
        remember_here(key, entry)
        self.decorate(response, entry, "miss")
        return conditional(request, response, entry["etag"], entry["modified"])

    def from_entry(self, request, entry):
        setattr(request, NOTES_ATTRIBUTE, dict(entry.get("notes") or {}))
        response = HttpResponse(entry["content"], headers=entry["headers"])
        self.decorate(response, entry, "hit")
        return conditional(request, response, entry["etag"], entry["modified"])

    def decorate(self, response, entry, status):
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = entry["modified"]
        response[STATUS_HEADER] = status
        public_cache_control(response)

    def mark_private(self, response):
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response
