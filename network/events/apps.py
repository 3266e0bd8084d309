from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "network.events"
    label = "events"
    verbose_name = _("Agenda : événements et calendriers")
    default_auto_field = "django.db.models.BigAutoField"
