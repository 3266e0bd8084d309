"""Every public page type costs at most 15 queries when it is built (page cache off), and the same
number with more content: measured on the demo, then on the demo grown with more fiches,
practices, structures, events (one-off and recurring) and offers."""

import datetime

import pytest
from django.apps import apps
from wagtail.models import Locale

from knowledge.models import FicheActionPage, KnowledgeIndexPage
from network.events.models import CalendarPage
from network.models import DirectoryPage
from network.offers.models import OffersIndexPage
from search.indexing import sync_object
from search.models import SearchDocument
from tests.factories_events import EventPageFactory, in_days
from tests.factories_knowledge import BonnePratiquePageFactory, FicheActionPageFactory
from tests.factories_network import OrganisationPageFactory
from tests.factories_offers import OfferPageFactory
from tests.volumes import grown_once

BUDGET = 15
# (page type, sub-path of a routable page): every public page type and its routes.
PAGE_TYPES = [
    ("passerelles.HomePage", ""),
    ("passerelles.HomePage@nl", ""),
    ("passerelles.StandardPage", ""),
    ("knowledge.KnowledgeIndexPage", ""),
    ("knowledge.KnowledgeIndexPage", "?secteur=numerique"),
    ("knowledge.KnowledgeIndexPage", "flux/"),
    ("knowledge.FicheActionPage", ""),
    ("knowledge.BonnePratiquePage", ""),
    ("network.DirectoryPage", ""),
    ("network.DirectoryPage", "carte/"),
    ("network.DirectoryPage", "carte/geojson/"),
    ("network.DirectoryPage", "compagnons/"),
    ("network.OrganisationPage", ""),
    ("events.AgendaPage", ""),
    ("events.AgendaPage", "mois/"),
    ("events.AgendaPage", "passes/"),
    ("events.AgendaPage", "ical/"),
    ("events.CalendarPage", ""),
    ("events.EventPage", ""),
    ("events.EventPage", "ical/"),
    ("offers.OffersIndexPage", ""),
    ("offers.OfferPage", ""),
    ("livreblanc.WhitePaperIndexPage", ""),
    ("livreblanc.EditionPage", ""),
    ("livreblanc.ChapterPage", ""),
    ("livreblanc.RecommendationPage", ""),
]


def url_of(page_type, sub_path):
    model_name, _, language = page_type.partition("@")
    locale = Locale.objects.get(language_code=language or "fr")
    page = apps.get_model(model_name).objects.live().filter(locale=locale).order_by("pk").first()
    return page.url + sub_path


def first(model):
    return model.objects.live().filter(locale__language_code="fr").order_by("pk").first()


def grow(count):
    """`count` more fiches and practices, and a few structures, events and offers, in the search
    index too (factories do not publish through Wagtail, whose signal indexes a page)."""
    knowledge, directory = first(KnowledgeIndexPage), first(DirectoryPage)
    calendar, offers = first(CalendarPage), first(OffersIndexPage)
    pages = []
    for n in range(count):
        pages += [FicheActionPageFactory(parent=knowledge), BonnePratiquePageFactory(parent=knowledge)]
        if n % 3 == 0:
            pages += [
                OrganisationPageFactory(parent=directory),
                OfferPageFactory(parent=offers),
                EventPageFactory(parent=calendar, start=in_days(n + 1)),
                EventPageFactory(parent=calendar, start=in_days(-n - 10)),
                EventPageFactory(
                    parent=calendar,
                    start=in_days(-400),
                    recurrence="WEEKLY",
                    recurrence_until=datetime.date.today() + datetime.timedelta(days=200),
                ),
            ]
    for page in pages:
        sync_object(page)


@pytest.fixture(scope="module")
def two_volumes(_demo_database, django_db_blocker):
    """Every URL of the module measured on the demo, then the content grown once for all its tests
    (not once per URL: 2 s each)."""

    def urls():
        return [url_of(page_type, sub_path) for page_type, sub_path in PAGE_TYPES] + SEARCHES

    with grown_once(django_db_blocker, urls, lambda: grow(12)) as two_volumes:
        yield two_volumes


@pytest.mark.parametrize(("page_type", "sub_path"), PAGE_TYPES)
def test_public_page_type_costs_at_most_15_queries_at_two_volumes(
    client, demo_content, two_volumes, page_type, sub_path
):
    url = url_of(page_type, sub_path)
    few = two_volumes.on_the_demo[url]
    many = two_volumes.on_grown_content(client, url)
    assert many <= BUDGET, f"{url}: {many} requêtes, budget {BUDGET}"
    assert many == few, f"{url}: {few} requêtes sur la démo, {many} avec plus de contenus"


# The search page and its suggestions: a frequent word, a word with a facet, the date order, a
# word found nowhere, and the autocomplete.
SEARCHES = [
    "/recherche/?q=r%C3%A9paration",
    "/recherche/?q=num%C3%A9rique+insertion&secteur=numerique",
    "/recherche/?q=formation&tri=date&page=1",
    "/recherche/?q=ferronnerie",
    "/recherche/suggestions/?q=repa",
]


@pytest.mark.parametrize("url", SEARCHES)
def test_search_costs_at_most_15_queries_at_two_volumes(client, demo_content, two_volumes, url):
    few = two_volumes.on_the_demo[url]
    many = two_volumes.on_grown_content(client, url)
    newest = FicheActionPage.objects.order_by("-pk").first()
    assert SearchDocument.objects.filter(source_id=str(newest.pk)).exists(), "contenu ajouté hors de l’index"
    response = client.get(url)
    if "ferronnerie" in url:
        assert response.context["page_obj"].paginator.count == 0
    elif "suggestions" in url:
        assert response.json()["suggestions"]
    else:
        assert response.context["page_obj"].paginator.count > 0
    assert many <= BUDGET, f"{url}: {many} requêtes, budget {BUDGET}"
    assert many == few, f"{url}: {few} requêtes sur la démo, {many} avec plus de contenus"
