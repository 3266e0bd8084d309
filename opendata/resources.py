"""One resource per public listing, built on that listing's own filter code.

A resource reads a query string exactly as its listing does (same facets, same sort, same base
queryset), so `?secteur=numerique` lists the same items in the same order on the site, in the API
and in the exports. It differs in one way: where the listing ignores an unknown value with a
notice, the API refuses it (400, with the listing's own French message), since a program would
otherwise silently read another list than the one it asked for.

Each resource turns a page of items into plain rows (dicts) in a fixed number of queries; the
rows never hold a person's e-mail address, and people are read only through `Person.objects.public()`
(consent given and dated, structure published).
"""

import datetime
from abc import ABC, abstractmethod
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from knowledge.listing import filtered_items
from knowledge.models import KnowledgeIndexPage
from knowledge.models.tagging import (
    KnowledgePublic,
    KnowledgeSector,
    KnowledgeStructureType,
    KnowledgeTheme,
    KnowledgeZone,
)
from network.events import listing as events_listing
from network.events.models import AgendaPage
from network.events.models.recurrence import Occurrence
from network.events.models.tagging import EventPublic, EventSector, EventZone
from network.events.series import group_series
from network.listing import filtered_organisations, filtered_people, organisations_for
from network.models import DirectoryPage
from network.models.tagging import OrganisationPublic, OrganisationSector
from network.offers import listing as offers_listing
from network.offers.models import OffersIndexPage
from network.offers.models.tagging import OfferPublic, OfferSector, OfferZone
from passerelles.fragments import default_locale, remembered
from passerelles.localized import in_visitor_language, mark_original_language
from passerelles.vocabularies.tagging import prefetch_tags


class Refused(Exception):
    """The query string asks for something that does not exist: French messages for a 400."""

    def __init__(self, messages):
        super().__init__(messages)
        self.messages = list(messages)


def section(model):
    """The French section page of `model` (the first one in the tree), or None; remembered
    until the next publication."""

    def build():
        page = model.objects.live().public().filter(locale=default_locale()).order_by("path").first()
        return page or False

    return remembered("opendata-section", model._meta.label, build=build) or None


def in_language(originals, tags, select=()):
    """`originals` (French) shown in the active language, then their terms prefetched once over
    the mixed list: the same queries whether a page holds originals or translations."""
    shown = in_visitor_language(
        originals, prepare=(lambda queryset: queryset.select_related(*select)) if select else None
    )
    prefetch_related_objects(shown, *prefetch_tags(*tags))
    return shown


def terms(links):
    """[{slug, label}] of prefetched tag links (e.g. `item.sector_items.all()`)."""
    return [{"slug": link.tag.slug, "label": link.tag.label} for link in links]


def term(value):
    return {"slug": value.slug, "label": value.label} if value is not None else None


def language_of(page):
    """Marked by in_visitor_language / mark_original_language when not in the asked language."""
    return getattr(page, "original_language", None) or translation.get_language()


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


@dataclass
class Listed:
    """What a resource found for one query string: `items` (a sequence the paginator slices)."""

    items: object


class Resource(ABC):
    name = ""  # URL segment and export file name
    title = ""
    per_page = 12
    # The listing's query-string parameters (documented in the OpenAPI schema).
    parameters = ()

    def listing_page(self):
        return None

    @abstractmethod
    def find(self, data):
        """Listed items for the query string `data`; raises Refused on unknown values."""

    @abstractmethod
    def one(self, pk):
        """The public item `pk` or None."""

    @abstractmethod
    def rows(self, items, request):
        """Plain rows of a page (or of an export) of `items`, in a fixed number of queries."""


def refuse_if(messages):
    if messages:
        raise Refused(messages)


# --- Fiches and practices -------------------------------------------------------------------


class KnowledgeResource(Resource):
    name = "fiches"
    title = _lazy("Fiches actions et bonnes pratiques")
    per_page = 12
    parameters = ("type", "secteur", "public", "theme", "type-structure", "zone", "tri")

    def listing_page(self):
        return section(KnowledgeIndexPage)

    tags = (KnowledgeSector, KnowledgePublic, KnowledgeTheme, KnowledgeStructureType, KnowledgeZone)

    def _prepare(self, queryset):
        return queryset.select_related("organisation")

    def find(self, data):
        index = self.listing_page()
        if index is None:
            return Listed([])
        _faceted, _base, items, _sort, messages = filtered_items(index, data)
        refuse_if(messages)
        return Listed(self._prepare(items))

    def one(self, pk):
        index = self.listing_page()
        return self._prepare(index.items().filter(pk=pk)).first() if index else None

    def rows(self, items, request):
        originals = list(items)
        shown = in_language(originals, self.tags, select=["organisation"])
        return [
            {
                "id": original.pk,  # the French original's: the same id in every language
                "type": item.kind,
                "title": item.title,
                "summary": item.summary,
                "url": absolute(request, item.get_url(request)),
                "language": language_of(item),
                "organisation": item.organisation.title if item.organisation_id else "",
                "first_published_at": item.first_published_at,
                "last_reviewed": item.last_reviewed,
                "sectors": terms(item.sector_items.all()),
                "publics": terms(item.public_items.all()),
                "themes": terms(item.theme_items.all()),
                "structure_types": terms(item.structure_type_items.all()),
                "zones": terms(item.zone_items.all()),
            }
            for original, item in zip(originals, shown, strict=True)
        ]


# --- Structures (the directory) --------------------------------------------------------------

ORGANISATION_TAGS = (OrganisationSector, OrganisationPublic)


def prepare_organisations(queryset):
    return queryset.select_related("structure_type", "zone")


class OrganisationResource(Resource):
    name = "structures"
    title = _lazy("Annuaire des structures")
    per_page = 12
    parameters = ("type-structure", "zone", "secteur", "public")

    def listing_page(self):
        return section(DirectoryPage)

    def find(self, data):
        directory = self.listing_page()
        if directory is None:
            return Listed([])
        facets, _base, results = filtered_organisations(directory, data)
        refuse_if(facets.errors)
        return Listed(prepare_organisations(results))

    def one(self, pk):
        directory = self.listing_page()
        return (
            prepare_organisations(organisations_for(directory).filter(pk=pk)).first() if directory else None
        )

    def rows(self, items, request):
        originals = list(items)
        shown = in_language(originals, ORGANISATION_TAGS, select=["structure_type", "zone"])
        return [
            {
                "id": original.pk,
                "title": item.title,
                "url": absolute(request, item.get_url(request)),
                "language": language_of(item),
                "structure_type": term(item.structure_type),
                "zone": term(item.zone),
                "street_address": item.street_address,
                "postcode": item.postcode,
                "municipality": item.municipality,
                "latitude": float(item.latitude) if item.latitude is not None else None,
                "longitude": float(item.longitude) if item.longitude is not None else None,
                "website": item.website,
                "phone": item.phone,
                "sectors": terms(item.sector_items.all()),
                "publics": terms(item.public_items.all()),
            }
            for original, item in zip(originals, shown, strict=True)
        ]


# --- Compagnons (only those who consented) ---------------------------------------------------


class PersonResource(Resource):
    name = "compagnons"
    title = _lazy("Compagnons qui ont accepté d’être listés")
    per_page = 12
    parameters = ("secteur", "zone", "format", "q")

    def listing_page(self):
        return section(DirectoryPage)

    def find(self, data):
        facets, _base, results, _query = filtered_people(data)
        refuse_if(facets.errors)
        return Listed(results)

    def one(self, pk):
        _facets, _base, results, _query = filtered_people(QueryDict())
        return results.filter(pk=pk).first()

    def rows(self, items, request):
        directory = self.listing_page()
        people = list(items)
        if directory is not None:
            directory.attach_profile_urls(people, request)
        organisations = in_visitor_language([person.organisation for person in people])
        # Never the e-mail field: contact goes through the meetup-request form of the profile.
        return [
            {
                "id": person.pk,
                "name": person.name,
                "role": person.role,
                "expertise": person.expertise,
                "languages": person.languages,
                "availability": person.availability,
                "url": absolute(request, getattr(person, "profile_url", "")),
                "organisation": organisation.title,
                "organisation_url": absolute(request, organisation.get_url(request)),
                "zone": term(person.organisation.zone),
                "sectors": terms(person.sector_items.all()),
                "formats": [term(value) for value in person.formats.all()],
            }
            for person, organisation in zip(people, organisations, strict=True)
        ]


# --- Events (their dates in the agenda's window) ---------------------------------------------

PERIODS = ("a-venir", "passes")
EVENT_TAGS = (EventZone, EventSector, EventPublic)


class EventResource(Resource):
    name = "evenements"
    title = _lazy("Agenda : les dates des événements")
    per_page = 20
    parameters = ("zone", "secteur", "public", "type", "periode")

    def listing_page(self):
        return section(AgendaPage)

    def find(self, data):
        agenda = self.listing_page()
        if agenda is None:
            return Listed([])
        period = data.get("periode", "a-venir").strip() or "a-venir"
        facet_filter, events = events_listing.faceted(agenda.events(), data)
        messages = list(facet_filter.errors)
        if period not in PERIODS:
            messages.append(_("La période doit être « a-venir » ou « passes »."))
        refuse_if(messages)
        # The agenda's own views: upcoming dates with each series once, or the past dates.
        if period == "passes":
            return Listed(events_listing.past_occurrences(events))
        return Listed(group_series(events_listing.upcoming_occurrences(events)))

    def one(self, pk):
        agenda = self.listing_page()
        if agenda is None:
            return None
        event = agenda.events().public().filter(pk=pk).prefetch_related("exception_dates").first()
        if event is None:
            return None
        now = timezone.now()
        upcoming = event.occurrences(now, now + datetime.timedelta(days=events_listing.UPCOMING_DAYS))
        return upcoming[0] if upcoming else Occurrence(event, event.start, event.end)

    def rows(self, items, request):
        occurrences = list(items)
        events = list({id(o.event): o.event for o in occurrences}.values())
        prefetch_related_objects(
            [
                event
                for event in events
                if "sector_items" not in getattr(event, "_prefetched_objects_cache", {})
            ],
            *prefetch_tags(EventSector, EventPublic),
        )
        prefetch_related_objects(
            [
                event
                for event in events
                if "zone_items" not in getattr(event, "_prefetched_objects_cache", {})
            ],
            *prefetch_tags(EventZone),
        )
        mark_original_language(events)
        rows = []
        for occurrence in occurrences:
            event = occurrence.event
            url = event.get_url(request)
            rows.append(
                {
                    "id": event.pk,
                    "title": event.title,
                    "url": absolute(request, url),
                    "language": language_of(event),
                    "start": occurrence.start,
                    "end": occurrence.end,
                    "all_day": event.all_day,
                    "later_dates": getattr(occurrence, "later", 0),
                    "event_type": {"slug": event.event_type, "label": str(event.get_event_type_display())},
                    "organiser": event.organiser,
                    "introduction": event.introduction,
                    "venue": event.venue,
                    "address": event.address,
                    "online_url": event.online_url,
                    "registration": event.registration_mode,
                    "registration_url": event.registration_url,
                    "ical_url": absolute(request, url + event.reverse_subpage("ics_view") if url else ""),
                    "zones": terms(event.zone_items.all()),
                    "sectors": terms(event.sector_items.all()),
                    "publics": terms(event.public_items.all()),
                }
            )
        return rows


# --- Offers ----------------------------------------------------------------------------------

OFFER_TAGS = (OfferSector, OfferPublic, OfferZone)


def prepare_offers(queryset):
    return queryset.select_related("organisation")


class OfferResource(Resource):
    name = "offres"
    title = _lazy("Offres pour les stagiaires")
    per_page = offers_listing.PER_PAGE
    parameters = ("type", "secteur", "public", "zone", "etat", "tri")

    def listing_page(self):
        return section(OffersIndexPage)

    def find(self, data):
        index = self.listing_page()
        if index is None:
            return Listed([])
        facet_filter = offers_listing.filter_for(data)
        messages = list(facet_filter.errors)
        sort = data.get(offers_listing.SORT_PARAMETER, offers_listing.DEFAULT_SORT).strip()
        sort = sort or offers_listing.DEFAULT_SORT
        if sort not in offers_listing.SORTS:
            messages.append(_("Ce tri n’existe pas ; choisissez debut, titre ou recent."))
        refuse_if(messages)
        results = offers_listing.sorted_offers(facet_filter.apply(index.offers()), sort)
        return Listed(prepare_offers(results))

    def one(self, pk):
        index = self.listing_page()
        return prepare_offers(index.offers().filter(pk=pk)).first() if index else None

    def rows(self, items, request):
        originals = list(items)
        shown = in_language(originals, OFFER_TAGS, select=["organisation"])
        return [
            {
                "id": original.pk,
                "title": item.title,
                "url": absolute(request, item.get_url(request)),
                "language": language_of(item),
                "kind": {"slug": item.kind, "label": str(item.get_kind_display())},
                "summary": item.summary,
                "organisation": item.organisation.title if item.organisation_id else "",
                "start_date": item.start_date,
                "end_date": item.end_date,
                "permanent_entry": item.permanent_entry,
                "duration": item.duration,
                "street_address": item.street_address,
                "postcode": item.postcode,
                "municipality": item.municipality,
                "apply_url": item.apply_url,
                "apply_phone": item.apply_phone,
                "sectors": terms(item.sector_items.all()),
                "publics": terms(item.public_items.all()),
                "zones": terms(item.zone_items.all()),
            }
            for original, item in zip(originals, shown, strict=True)
        ]


RESOURCES = [KnowledgeResource(), OrganisationResource(), PersonResource(), EventResource(), OfferResource()]
BY_NAME = {resource.name: resource for resource in RESOURCES}
