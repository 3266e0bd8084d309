"""An admin panel listing the status history of a meetup request inside its edit view."""

from wagtail.admin.panels import Panel


class StatusHistoryPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "network/admin/status_history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["changes"] = self.instance.status_changes.all() if self.instance.pk else []
            return context
