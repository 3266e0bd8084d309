from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .freshness import LOG_ACTION


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    # In the fiche's history: who confirmed it still right, from the freshness reminder.
    actions.register_action(
        LOG_ACTION, _("Relecture confirmée"), _("Confirmée toujours à jour (lien du rappel)")
    )


# The readers' questions: their snippet viewset and hooks register on import.
from .feedback import admin as feedback_admin  # noqa: E402, F401
