"""Startup checks for production (`manage.py check --deploy`): settings that fail silently.

- passerelles.W001: the abuse limits count in a per-process cache (local memory or dummy): with
  three gunicorn workers, "5 per hour" lets 15 through. Use the database cache (the default of
  the production settings, table created by `migrate`) or Redis with CACHE_URL.
- passerelles.W002: nobody receives the reports of server errors (ADMINS is empty).
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def rate_limit_cache_is_shared(app_configs, **kwargs):
    alias = getattr(settings, "RATELIMIT_USE_CACHE", "default")
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            Warning(
                f"Le cache « {alias} » des limites anti-abus est propre à chaque processus ({backend}).",
                hint="En production, utilisez le cache en base de données (par défaut) ou Redis avec "
                "CACHE_URL : sinon chaque worker compte de son côté et les limites sont multipliées.",
                id="passerelles.W001",
            )
        ]
    return []


@register(deploy=True)
def server_errors_reach_someone(app_configs, **kwargs):
    if not settings.ADMINS:
        return [
            Warning(
                "ADMINS est vide : les erreurs serveur ne sont envoyées à personne.",
                hint="Définissez ADMINS dans l'environnement (« Nom <adresse>, ... ») et SERVER_EMAIL.",
                id="passerelles.W002",
            )
        ]
    return []
