from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "passerelles.reminders"
    label = "reminders"
    verbose_name = _("Rappels")
    default_auto_field = "django.db.models.BigAutoField"
