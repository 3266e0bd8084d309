from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Savoirs : fiches, pratiques, livre blanc")
    default_auto_field = "django.db.models.BigAutoField"
