"""RSS and Atom feeds of the newest offers, filtered by the same query string as the listing."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .listing import new_offers


class NewOffersFeed(Feed):
    """Called with the index page: `NewOffersFeed()(request, index_page=page)`."""

    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page):
        return _("%(title)s · nouvelles offres · Passerelles") % {"title": index_page.title}

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def description(self, index_page):
        return _("Les dernières formations, stages et emplois d'insertion publiés sur Passerelles.")

    def items(self, index_page):
        return new_offers(index_page.offers(), self.request.GET)

    def item_title(self, offer):
        return offer.title

    def item_description(self, offer):
        details = [offer.get_kind_display()]
        if offer.place:
            details.append(offer.place)
        if offer.duration:
            details.append(offer.duration)
        return f"{offer.summary} ({' · '.join(details)})"

    def item_link(self, offer):
        return offer.get_full_url(self.request)

    def item_pubdate(self, offer):
        return offer.first_published_at

    def item_updateddate(self, offer):
        return offer.last_published_at

    def item_categories(self, offer):
        return [item.tag.label for item in offer.sector_items.all()]


class NewOffersAtomFeed(NewOffersFeed):
    feed_type = Atom1Feed
    subtitle = NewOffersFeed.description
