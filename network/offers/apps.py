from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "network.offers"
    label = "offers"
    verbose_name = _("Offres pour stagiaires : formations, stages, emplois d'insertion")
    default_auto_field = "django.db.models.BigAutoField"
