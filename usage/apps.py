"""Usage statistics without tracking: daily counters per page, kept on the server.

Views of fiches, practices and structures' pages, fiche PDF downloads, meetup requests sent to a
structure's compagnons and registrations to events are counted per day and per page, nothing
else: no cookie, no address, no identifier of the visitor, no third party. Members read their
structure's figures on their dashboard; coordinators those of their zones in *Rapports ›
Statistiques d'usage*, with a monthly CSV. Sits above knowledge and network (it reads their
pages and signals), below alerts; nothing of theirs imports it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsageConfig(AppConfig):
    name = "usage"
    verbose_name = _("Statistiques d'usage")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connected here: network must not know it is counted (it sits below this app).
        from . import signals  # noqa: F401  (connects the signals)
