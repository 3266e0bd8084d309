"""Admin: coordinators moderate the contributions; nothing is public before approval."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models.consultation import Contribution


class ContributionViewSet(SnippetViewSet):
    model = Contribution
    icon = "comment"
    menu_label = _("Contributions au livre blanc")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "organisation", "recommendation", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "organisation", "text"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("recommendation"),
                FieldPanel("name"),
                FieldPanel("organisation"),
                FieldPanel("email"),
            ],
            heading=_("Auteur ou autrice"),
        ),
        FieldPanel("text"),
    ]

    def get_queryset(self, request):
        return Contribution.objects.select_related("recommendation")


register_snippet(ContributionViewSet)
