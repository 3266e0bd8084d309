"""Subscriptions in the admin, for coordinators (and administrators): who follows what, since
when (the consent date), and the digests sent. Addresses are personal data: the model's policy
(passerelles.personal_data_admin) applies to every view, and only roles holding the model
permission (Coordinateurs, Administrateurs) reach it: members never see an address."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from passerelles.personal_data_admin import PersonalDataViewSetMixin, personal_data_policy

from .models import Subscription


def all_subscriptions(user, subscriptions):
    """Whoever holds the model permission follows every subscription (no structure owns one)."""
    return subscriptions


personal_data_policy(Subscription, all_subscriptions)


class SubscriptionViewSet(PersonalDataViewSetMixin, SnippetViewSet):
    model = Subscription
    icon = "mail"
    menu_label = _("Abonnements aux alertes")
    menu_order = 270
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["email", "kind", "page", "frequency", "language", "confirmed_at", "last_digest_at"]
    list_filter = ["kind", "frequency", "language"]
    search_fields = ["email"]
    ordering = ["-created_at"]
    panels = [FieldPanel("frequency"), FieldPanel("language")]

    def get_base_queryset(self, request):
        return Subscription.objects.select_related("page")


register_snippet(SubscriptionViewSet)
