"""Admin: coordinators moderate the contributions; nothing is public before approval."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from passerelles.personal_data_admin import PersonalDataViewSetMixin, personal_data_policy

from .models.consultation import Contribution


def all_contributions(user, contributions):
    """Whoever moderates the consultation (the model permission) sees every contribution."""
    return contributions


personal_data_policy(Contribution, all_contributions)


class ContributionViewSet(PersonalDataViewSetMixin, SnippetViewSet):
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

    def get_base_queryset(self, request):
        return Contribution.objects.select_related("recommendation")


register_snippet(ContributionViewSet)
