from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LivreBlancConfig(AppConfig):
    name = "knowledge.livreblanc"
    label = "livreblanc"
    verbose_name = _("Livre blanc")
    default_auto_field = "django.db.models.BigAutoField"
