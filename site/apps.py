from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


class PasserellesConfig(AppConfig):
    name = "passerelles"
    label = "passerelles"
    verbose_name = "Passerelles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # Each app declares its personal data in `<app>/privacy_sources.py`.
        autodiscover_modules("privacy_sources")
        # Registers the deploy checks (shared cache for the abuse limits, ADMINS); models loaded.
        from . import checks  # noqa: F401

        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using="default", **kwargs):
    """The database cache (production's default) gets its table with `migrate`, no extra step."""
    call_command("createcachetable", database=using, verbosity=0)
