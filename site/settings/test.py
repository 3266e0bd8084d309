"""Tests: SQLite by default, PostgreSQL when DATABASE_URL says so; e-mail kept in memory."""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, env, public_policy

DEBUG = False
SECRET_KEY = "test-only-key-passerelles-not-secret"
ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Mail goes through the outbox (tests/conftest.py puts it back after Django's test setup), is
# delivered at once by the immediate task backend, and lands in django.core.mail.outbox.
EMAIL_BACKEND = "passerelles.outbox.backend.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / ".test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Playwright's sync API runs an event loop in the test thread; the ORM calls are still sequential.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# As many entries as the production's file cache (base.py): at locmem's default of 300, the search
# statistics' keys (one per query asked, search/popular.py) evict the site frame in the benchmark.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
# The abuse limits count in the one test cache, which every test starts empty (tests/conftest.py).
RATELIMIT_USE_CACHE = "default"
# Tests that change rows behind the signals' back (queryset.update) would read stale pages: the
# page cache is switched on by the tests about it (tests/test_page_cache.py).
PASSERELLES_PAGE_CACHE = False
DATABASE_URL = env("DATABASE_URL")
WHITENOISE_AUTOREFRESH = True
MAP_TILE_URL = ""  # no internet here: the map shows its markers without tiles
CONTENT_SECURITY_POLICY = public_policy(MAP_TILE_URL)
# Django's test client logs in without a request, which django-axes refuses: its tests enable it.
AXES_ENABLED = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
