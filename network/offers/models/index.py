"""The offers section: a filtered, sorted, paginated listing of its offers, and their feeds."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from passerelles.localized import default_locale_page
from passerelles.sections import SectionIndexPage

from ..feeds import NewOffersAtomFeed, NewOffersFeed
from ..listing import OfferListing
from .offer import OfferPage


class OffersIndexPage(RoutablePageMixin, SectionIndexPage):
    picto = "offer"  # its pictogram on the home page tiles (passerelles_tags.picto)
    subpage_types = ["offers.OfferPage"]

    class Meta:
        verbose_name = _("index des offres")
        verbose_name_plural = _("index des offres")

    def offers(self):
        return OfferPage.objects.child_of(default_locale_page(self)).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = OfferListing(self.offers(), request.GET)
        return context

    @path("flux/")
    def rss_feed(self, request):
        return NewOffersFeed()(request, index_page=self)

    @path("flux/atom/")
    def atom_feed(self, request):
        return NewOffersAtomFeed()(request, index_page=self)
