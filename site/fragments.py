"""What every page shows and only a publication changes, remembered per language.

The navigation, the footer, the language switcher of a page and the active locale cost a dozen
queries on every page; they are kept in the shared cache under the publication generation
(passerelles.publication), so they are rebuilt once per language after each publication.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from .publication import versioned_key

# Time-independent fragments: only a publication changes them (the generation invalidates them).
FRAGMENT_SECONDS = 24 * 60 * 60


def remembered(*parts, build):
    """The value cached under `parts` for this generation, built by `build()` when missing."""
    key = versioned_key("fragment", *parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, getattr(settings, "PASSERELLES_FRAGMENT_SECONDS", FRAGMENT_SECONDS))
    return value


def remembered_query(name, parts, build):
    """What a listing reads from the database (a count, a page of ids, facet counts, a feed's
    bytes) or renders (a card's HTML: the `remember` tag) for this generation and language, keyed by `name` and the normalised filter `parts`
    (hashed: a filter can be long). Only valid, normalised values may be in `parts`, so junk in a
    query string never multiplies the entries."""
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    return remembered("query", name, translation.get_language(), digest, build=build)


def active_locale():
    """Wagtail's `Locale.get_active()` without its query on every call."""
    from wagtail.models import Locale  # the models registry is ready when a request runs

    return Locale.get_active()  # remembered: see remember_wagtail_active_locale


def default_locale():
    """Wagtail's `Locale.get_default()` without its query on every call."""
    from wagtail.models import Locale  # the models registry is ready when a request runs

    return remembered("locale", settings.LANGUAGE_CODE, build=Locale.get_default)


def remember_wagtail_active_locale():
    """Wagtail reads the active locale several times per page (routing, `localized`), one query
    each time: its `Locale.get_active` is wrapped to read it from the generation's cache."""
    from wagtail.models import Locale  # called from AppConfig.ready, once models are loaded

    if getattr(Locale.get_active, "remembered", False):
        return
    original = Locale.get_active.__func__

    def get_active(cls):
        return remembered("locale", translation.get_language(), build=lambda: original(cls))

    get_active.remembered = True
    Locale.get_active = classmethod(get_active)
