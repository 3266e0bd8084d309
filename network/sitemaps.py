"""Compagnon profiles in the sitemap: every consenting compagnon (`Person.objects.public()`), at
each language's directory that really exists, with the other languages as alternates."""

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from passerelles import sitemaps

from .models import DirectoryPage, Person


class CompagnonSitemap(WagtailSitemap):
    limit = sitemaps.PAGE_SIZE

    def items(self):
        items = []
        directories = (
            DirectoryPage.objects.live().public().filter(locale__language_code="fr").order_by("path")
        )
        for directory in directories:
            versions = list(
                Page.objects.live()
                .public()
                .filter(translation_key=directory.translation_key)
                .select_related("locale")
                .order_by("locale__language_code")
            )
            bases = [(version, version.get_full_url(self.request)) for version in versions]
            people = (
                Person.objects.public()
                .filter(organisation__path__startswith=directory.path)
                .order_by("pk")
                .only("pk", "name")
            )
            for person in people:
                route = directory.reverse_subpage(
                    "compagnon_profile", kwargs={"person_id": person.pk, "slug": person.slug}
                )
                locations = [(version.locale.language_code, base + route) for version, base in bases]
                items.extend((person, location, locations) for _code, location in locations)
        return items

    def location(self, item):
        return item[1]

    def lastmod(self, item):
        return None

    def _urls(self, page, protocol, domain):
        return [
            {
                "item": item,
                "location": item[1],
                "lastmod": None,
                "alternates": [{"lang_code": code, "location": url} for code, url in item[2]]
                if len(item[2]) > 1
                else [],
            }
            for item in self.paginator.page(page).object_list
        ]


sitemaps.register("compagnons", CompagnonSitemap)
