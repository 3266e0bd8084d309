from django.apps import AppConfig
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
