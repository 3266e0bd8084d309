from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VocabulariesConfig(AppConfig):
    name = "passerelles.vocabularies"
    label = "vocabularies"
    verbose_name = _("Vocabulaires")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers need every model loaded: connected here, not at import time.
        from .canonical import connect

        connect()
