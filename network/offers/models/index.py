"""The offers section: a filtered, sorted, paginated listing of its offers, and their feeds."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from .offer import OfferPage


class OffersIndexPage(RoutablePageMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["passerelles.HomePage"]
    subpage_types = ["offers.OfferPage"]

    class Meta:
        verbose_name = _("index des offres")
        verbose_name_plural = _("index des offres")

    def offers(self):
        from passerelles.localized import default_locale_page

        return OfferPage.objects.child_of(default_locale_page(self)).live().public()

    def get_context(self, request, *args, **kwargs):
        from ..listing import OfferListing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = OfferListing(self.offers(), request.GET)
        return context

    @path("flux/")
    def rss_feed(self, request):
        from ..feeds import NewOffersFeed

        return NewOffersFeed()(request, index_page=self)

    @path("flux/atom/")
    def atom_feed(self, request):
        from ..feeds import NewOffersAtomFeed

        return NewOffersAtomFeed()(request, index_page=self)
