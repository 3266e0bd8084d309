from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Savoirs : fiches, pratiques, livre blanc")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Tagging rows always point at the French term; labels are looked up per request.
        from .taxonomy_canonical import connect

        connect()
