"""Settings safe for production: every secret and service comes from the environment."""

import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from passerelles.security import public_policy
from search.backends import search_backends

from .frontend_cache import frontend_cache_settings

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return env(name, str(default)).lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "passerelles",
    "passerelles.vocabularies",
    "passerelles.outbox",
    "passerelles.reminders",
    "knowledge",
    "knowledge.livreblanc",
    "network",
    "network.events",
    "network.offers",
    "search",
    "opendata",
    "usage",
    "alerts",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "csp",
    # Last: their French catalogues must not take precedence over Wagtail's and ours
    # (Django reads the apps' translations in this order, the first one found wins).
    "rest_framework",
    "drf_spectacular",
]

# Admin login: django-axes locks an address + username out after AXES_FAILURE_LIMIT failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HOURS", "1"))  # hours
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "passerelles.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "passerelles.admin_throttle.login_locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Password reset mails per client address (passerelles.urls).
PASSWORD_RESET_RATE = env("PASSWORD_RESET_RATE", "5/h")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Security headers outside the page cache, so that a page served from it carries them too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "passerelles.security.SiteCSPMiddleware",
    "passerelles.security.PermissionsPolicyMiddleware",
    # Counts views outside the page cache, so that pages it serves (and its 304s) are counted too.
    "usage.middleware.UsageCounterMiddleware",
    # Anonymous pages from the cache before any other work (see passerelles/pagecache.py).
    "passerelles.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the French refusal page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "passerelles.urls"
WSGI_APPLICATION = "passerelles.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches shared by every worker process. "default" holds pages and fragments: what one worker
# caches another may serve, and a publication invalidates it for all (files on the local disk).
# "limits" counts the abuse limits in a database table created by `migrate` (a per-process cache
# would multiply them by the number of workers; `check --deploy` warns, passerelles.W001).
# With CACHE_URL (redis://...), Redis holds both.
CACHE_URL = env("CACHE_URL")
if CACHE_URL:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        for alias in ("default", "limits")
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", str(BASE_DIR / ".cache" / "django")),
            "OPTIONS": {"MAX_ENTRIES": int(env("CACHE_MAX_ENTRIES", "20000"))},
        },
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "passerelles_cache",
        },
    }
RATELIMIT_USE_CACHE = "limits"

# The client address behind TRUSTED_PROXY_COUNT reverse proxies (X-Forwarded-For), for the abuse
# limits and the login throttle; 0 = no proxy, REMOTE_ADDR. See passerelles/client_ip.py.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "passerelles.client_ip.client_ip"

# Page cache for anonymous visitors (passerelles/pagecache.py): on unless PAGE_CACHE=0. Entries
# also expire after PAGE_CACHE_SECONDS, for what time alone changes (an event becoming past).
PASSERELLES_PAGE_CACHE = env_bool("PAGE_CACHE", True)
PASSERELLES_PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
# Cache-Control of cached pages: browsers revalidate (ETag, Last-Modified); a CDN keeps them
# CDN_MAX_AGE seconds, and Wagtail purges a page from it when it is published (below).
PASSERELLES_BROWSER_MAX_AGE = int(env("BROWSER_MAX_AGE", "0"))
PASSERELLES_SHARED_MAX_AGE = int(env("CDN_MAX_AGE", "300"))
WAGTAILFRONTENDCACHE = frontend_cache_settings(env)
# The livre blanc PDF shows support counts: new supports rebuild it at most this often.
LIVREBLANC_PDF_REFRESH_SECONDS = int(env("LIVREBLANC_PDF_REFRESH_SECONDS", str(15 * 60)))
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# The public API (opendata/): read-only, anonymous, JSON only (no browsable HTML), no session
# read per request; its OpenAPI document is built by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Passerelles",
    "DESCRIPTION": (
        "Données ouvertes de Passerelles (CC BY 4.0) : fiches et pratiques, structures, compagnons "
        "consentants, événements et offres, avec les filtres des listes du site."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["opendata.schema.public_api_only"],
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the source and the default; Dutch, German and English are translations.
LANGUAGE_CODE = "fr"
# Belgian English dates (day first, 24-hour clock); see site/formats/.
FORMAT_MODULE_PATH = ["passerelles.formats"]
LANGUAGES = [
    ("fr", "Français"),
    ("nl", "Nederlands"),
    ("de", "Deutsch"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = []
# Front-end libraries come from npm (package.json) and are served as our own static files: no CDN.
NODE_MODULES = BASE_DIR / "node_modules"
for prefix, path in [("vendor/leaflet", NODE_MODULES / "leaflet" / "dist")]:
    if path.exists():
        STATICFILES_DIRS.append((prefix, path))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))

WAGTAIL_SITE_NAME = "Passerelles"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_USER_LOGIN_FORM = "passerelles.admin_login.LoginForm"
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "ods",
    "odp",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party request from the admin: initials instead of Gravatar's avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Search: Wagtail's database backend (SQLite FTS5, or PostgreSQL full text with the French
# configuration); Elasticsearch/OpenSearch with French analysers when SEARCH_URL is set.
WAGTAILSEARCH_BACKENDS = search_backends(env("SEARCH_URL"), env("SEARCH_BACKEND"))

# E-mail: every message goes to the outbox (stored, then sent by the `outbox` task worker with
# retries); the worker hands it to OUTBOX_DELIVERY_BACKEND: SMTP from the environment in
# production, the console in development.
EMAIL_BACKEND = "passerelles.outbox.backend.OutboxBackend"
OUTBOX_DELIVERY_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
OUTBOX_MAX_ATTEMPTS = int(env("OUTBOX_MAX_ATTEMPTS", "10"))
OUTBOX_RETRY_SECONDS = int(env("OUTBOX_RETRY_SECONDS", "60"))  # doubles after each failure
OUTBOX_KEEP_SENT_DAYS = int(env("OUTBOX_KEEP_SENT_DAYS", "30"))  # then a sent mail is deleted
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "30"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Passerelles <noreply@passerelles.be>")
# Server errors (500) are mailed to ADMINS: "Name <address>, Other <address>" in the environment.
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [getaddresses([entry])[0] for entry in env_list("ADMINS")]
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Where the contact form's messages go (the team's shared mailbox, never shown on the site).
CONTACT_EMAIL = env("CONTACT_EMAIL", DEFAULT_FROM_EMAIL)

# Background tasks (django-tasks). Wagtail's own tasks (search and reference index updates) run
# at once, in the request, as before; the outbox's deliveries are rows in the database, run by
# `manage.py db_worker --backend outbox` (started by `make run`; a service in production).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Security defaults, relaxed only in dev.py and test.py.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it with SAMEORIGIN

# Directory map: tile server and its attribution (empty URL: markers without a background map).
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", "© les contributeurs d’OpenStreetMap")
# Content-Security-Policy of the public pages (the admin has its own): see passerelles/security.py.
CONTENT_SECURITY_POLICY = public_policy(MAP_TILE_URL)

# Demo content: each app contributes a loader, run in this order by `manage.py load_demo`.
DEMO_LOADERS = [
    "passerelles.demo",
    "passerelles.vocabularies.demo",
    "network.demo",
    "knowledge.demo",  # after the structures that own fiches
    "network.events.demo",
    "network.offers.demo",
    "knowledge.livreblanc.demo",
    "network.demo_accounts",
    "passerelles.demo_finish",
    "passerelles.demo_translations",
    "search.demo",  # last: indexes everything above, translations included
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # WeasyPrint reports each step of each PDF (and of its own stylesheets when imported).
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

PASSERELLES_NAME = _("Passerelles")


def require_secret_key(secret_key):
    if not secret_key:
        raise ImproperlyConfigured("SECRET_KEY doit être défini dans l'environnement.")
    return secret_key


PERSONAL_DATA_RETENTION_DAYS = int(env("PERSONAL_DATA_RETENTION_DAYS", str(365 * 2)))
