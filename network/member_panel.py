"""The member's dashboard panel: their structure's page, fiches, offers and compagnons to edit."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .ownership import organisation_ids_of

ITEMS_SHOWN = 20


class MyStructurePanel(Component):
    name = "my_structure"
    order = 50  # first: what a member comes to the admin for
    template_name = "network/admin/my_structure_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        from knowledge.models import KnowledgeItemPage
        from network.offers.models import OfferPage

        from .models import OrganisationPage

        own = organisation_ids_of(self.user)
        structures = OrganisationPage.objects.filter(pk__in=own).order_by("title")
        items = (
            Page.objects.filter(pk__in=KnowledgeItemPage.objects.filter(organisation_id__in=own).values("pk"))
            | Page.objects.filter(pk__in=OfferPage.objects.filter(organisation_id__in=own).values("pk"))
        ).order_by("-latest_revision_created_at", "title")
        return {
            "structures": structures,
            "items": items.select_related("content_type")[:ITEMS_SHOWN],
            "people_url": reverse("wagtailsnippets_network_person:list"),
        }


def my_structure_panel(request, panels):
    if organisation_ids_of(request.user):
        panels.append(MyStructurePanel(request.user))
