"""Wagtail's frontend-cache purging (a CDN or a caching proxy in front of the site), from the
environment: FRONTEND_CACHE_BACKEND is `http` (Varnish, nginx: FRONTEND_CACHE_LOCATION is the
proxy's URL), `cloudflare` (CLOUDFLARE_BEARER_TOKEN, CLOUDFLARE_ZONEID) or `cloudfront`
(CLOUDFRONT_DISTRIBUTION_ID). Unset: no purging (the page cache alone)."""

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "http": ("wagtail.contrib.frontend_cache.backends.HTTPBackend", {"LOCATION": "FRONTEND_CACHE_LOCATION"}),
    "cloudflare": (
        "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        {"BEARER_TOKEN": "CLOUDFLARE_BEARER_TOKEN", "ZONEID": "CLOUDFLARE_ZONEID"},
    ),
    "cloudfront": (
        "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        {"DISTRIBUTION_ID": "CLOUDFRONT_DISTRIBUTION_ID"},
    ),
}


def frontend_cache_settings(env):
    """WAGTAILFRONTENDCACHE for `env(name)`, or {} when no backend is configured."""
    name = (env("FRONTEND_CACHE_BACKEND") or "").strip().lower()
    if not name:
        return {}
    if name not in BACKENDS:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND doit valoir {', '.join(sorted(BACKENDS))} (reçu : {name})."
        )
    backend, options = BACKENDS[name]
    config = {"BACKEND": backend}
    for option, variable in options.items():
        value = env(variable)
        if not value:
            raise ImproperlyConfigured(f"{variable} doit être défini pour FRONTEND_CACHE_BACKEND={name}.")
        config[option] = value
    return {"default": config}
