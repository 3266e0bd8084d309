"""Alerts: follow a listing, a search or a white-paper recommendation with an e-mail address.

The top layer of the site's apps: it reads the listings of knowledge and network (their own
filtering code) and the search documents, and nothing of ours imports it but the project
modules of site/ (urls, settings). Every mail goes through the outbox like any other.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Alertes et abonnements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connected here: the white paper must not know alerts exist (it sits below them).
        from . import notices  # noqa: F401  (connects the signals)
