from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


class PasserellesConfig(AppConfig):
    name = "passerelles"
    label = "passerelles"
    verbose_name = "Passerelles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models are importable only once the app registry is ready, hence the imports here.
        from django.utils.module_loading import autodiscover_modules

        from . import fragments, publication

        publication.connect()
        fragments.remember_wagtail_active_locale()

        # Each app declares its personal data in `<app>/privacy_sources.py`.
        autodiscover_modules("privacy_sources")

        # Registers the deploy checks (shared cache for the abuse limits, ADMINS); models loaded.
        from . import checks  # noqa: F401

        post_migrate.connect(create_cache_table, sender=self)


# The table of the database cache, production's default (settings/base.py).
DATABASE_CACHE_TABLE = "passerelles_cache"


def create_cache_table(using="default", **kwargs):
    """The database cache gets its table with `migrate`, whatever cache these settings use: no
    extra deployment step, and switching a running site to it needs no command."""
    call_command("createcachetable", DATABASE_CACHE_TABLE, database=using, verbosity=0)
    call_command("createcachetable", database=using, verbosity=0)
