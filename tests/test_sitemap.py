"""The sitemap: a paginated index, every live page in every language with its real translations
as xhtml:link alternates, consenting compagnons' profiles, cached until something is published."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page

from network.models import DirectoryPage, Person
from passerelles.sitemaps import PageSitemap
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def get_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def entries(xml):
    return re.findall(r"<url>(.*?)</url>", xml, re.S)


def test_index_lists_the_sections(client, demo_content):
    index = get_xml(client, "/sitemap.xml")
    assert "<sitemapindex" in index
    assert "http://testserver/sitemap-pages.xml" in index
    assert "http://testserver/sitemap-compagnons.xml" in index


def test_every_live_page_in_every_language_with_real_alternates(client, demo_content):
    xml = get_xml(client, "/sitemap-pages.xml")
    urls = entries(xml)
    live = Page.objects.live().public().filter(depth__gte=2)
    assert len(urls) == live.count()
    for code in ("nl", "de", "en"):
        assert (
            sum(1 for url in urls if f"<loc>http://testserver/{code}/" in url)
            == live.filter(locale__language_code=code).count()
        )
    about = next(url for url in urls if "<loc>http://testserver/a-propos/</loc>" in url)
    alternates = dict(re.findall(r'hreflang="([a-z]{2})" href="([^"]+)"', about))
    assert alternates == {
        "fr": "http://testserver/a-propos/",
        "nl": "http://testserver/nl/over-ons/",
        "de": "http://testserver/de/ueber-uns/",
        "en": "http://testserver/en/about/",
    }
    untranslated = next(url for url in urls if "/bilan-de-parcours-professionnel/</loc>" in url)
    assert "xhtml:link" not in untranslated  # no alternate that does not exist


def test_consenting_compagnons_in_every_language_of_the_directory(client, demo_content):
    xml = get_xml(client, "/sitemap-compagnons.xml")
    directory = DirectoryPage.objects.get(locale=Locale.get_default())
    languages = Page.objects.live().filter(translation_key=directory.translation_key).count()
    public = Person.objects.public()
    assert public.count() < Person.objects.count()  # some did not consent: they stay out
    assert len(entries(xml)) == public.count() * languages
    hidden = Person.objects.exclude(pk__in=public.values("pk")).first()
    assert f"/compagnons/{hidden.pk}-" not in xml
    person = public.first()
    profile = f"/annuaire/compagnons/{person.pk}-{person.slug}/"
    entry = next(url for url in entries(xml) if f"<loc>http://testserver{profile}</loc>" in url)
    assert entry.count("xhtml:link") == languages


def test_sitemap_is_paginated(client, demo_content, monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", 50)
    index = get_xml(client, "/sitemap.xml")
    total = Page.objects.live().public().filter(depth__gte=2).count()
    pages = -(-total // 50)
    assert pages > 1
    assert f"http://testserver/sitemap-pages.xml?p={pages}" in index
    counted = sum(
        len(entries(get_xml(client, f"/sitemap-pages.xml?p={number}"))) for number in range(1, pages + 1)
    )
    assert counted == total
    assert client.get(f"/sitemap-pages.xml?p={pages + 1}").status_code == 404
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-inconnu.xml").status_code == 404


def test_sitemap_is_cached_until_a_page_is_published(client, demo_content, django_assert_max_num_queries):
    before = len(entries(get_xml(client, "/sitemap-pages.xml")))
    with django_assert_max_num_queries(0):
        assert len(entries(get_xml(client, "/sitemap-pages.xml"))) == before
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    page = StandardPageFactory(parent=home, title="Nouvelle page", slug="nouvelle-page")
    page.save_revision().publish()
    xml = get_xml(client, "/sitemap-pages.xml")
    assert len(entries(xml)) == before + 1 and "/nouvelle-page/" in xml
