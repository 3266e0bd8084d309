from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Recherche")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # connects receivers to models: only once they are all loaded

        # Every app declares its searchable types in <app>/search_sources.py (see registry.py).
        autodiscover_modules("search_sources")
        signals.connect()
        post_migrate.connect(install_fulltext_indexes, sender=self)


def install_fulltext_indexes(sender, using, **kwargs):
    """SQLite drops a table's triggers when a migration rebuilds it: put them back (idempotent)."""
    from django.db import connections

    from .fulltext import schema  # uses the models: importable only once the app is ready

    schema.install(connections[using])
