"""Atom feed of new fiches and practices, for the whole base or any filtered list.

The feed takes the listing's query parameters (secteur, public, type...), so "subscribe" on a
filtered list follows exactly that selection.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from passerelles.public_address import absolute_url

from .listing import filtered_items

FEED_LENGTH = 30


class KnowledgeFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, index_page):
        self.request = request
        faceted, _base, items, _sort, _messages = filtered_items(index_page, request.GET)
        self.index_page = index_page
        self.active = faceted.active
        self.queryset = items.order_by("-first_published_at", "-pk")
        return index_page

    def title(self, obj):
        if self.active:
            labels = ", ".join(label for _parameter, _slug, label in self.active)
            return _("Passerelles · %(title)s (%(filters)s)") % {"title": obj.title, "filters": labels}
        return _("Passerelles · %(title)s") % {"title": obj.title}

    def link(self, obj):
        query = self.request.GET.urlencode()
        return obj.get_full_url(self.request) + (f"?{query}" if query else "")

    def feed_url(self, obj):
        query = self.request.GET.urlencode()
        return absolute_url(self.request.path, self.request) + (f"?{query}" if query else "")

    def subtitle(self, obj):
        return obj.introduction or _("Les nouvelles fiches actions et bonnes pratiques du réseau.")

    def items(self, obj):
        return self.queryset[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [item.get_kind_display()]
