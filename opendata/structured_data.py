"""schema.org JSON-LD and Open Graph for every public page type.

One builder per page type (by class name, so no app has to import this module): Event with its
location and offers, Organization with address and geo, HowTo for a fiche, Article for a
practice and the white paper, JobPosting or EducationalOccupationalProgram for an offer,
ProfilePage for a compagnon who consented, CollectionPage for the sections, WebSite on the home
page, and a BreadcrumbList everywhere. A person's e-mail is never part of it.

Built once per page, language and address, and remembered until the next publication: a page
served from there costs no query for it.
"""

import hashlib
import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator

from passerelles.fragments import remembered

SITE_NAME = "Passerelles"
OG_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "de": "de_BE", "en": "en_GB"}
DESCRIPTION_WORDS = 60


def text(value, words=DESCRIPTION_WORDS):
    return Truncator(" ".join(strip_tags(str(value or "")).split())).words(words, truncate="…")


def iso(value):
    return value.isoformat() if value else None


def clean(node):
    """The node without empty values (schema.org validators dislike empty strings and nulls)."""
    if isinstance(node, dict):
        return {key: clean(value) for key, value in node.items() if value not in (None, "", [], {})}
    if isinstance(node, list):
        return [clean(value) for value in node]
    return node


def publisher(absolute):
    return {"@type": "Organization", "name": SITE_NAME, "url": absolute("/")}


def postal_address(street, postcode, locality):
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postcode,
        "addressLocality": locality,
        "addressCountry": "BE",
    }


# --- One builder per page type ---------------------------------------------------------------


def home_page(page, context, absolute):
    return {
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": absolute(page.url),
        "description": text(getattr(page, "search_description", "") or getattr(page, "introduction", "")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": absolute(reverse("search:index")) + "?q={q}"},
            "query-input": "required name=q",
        },
    }


def fiche(page, context, absolute):
    steps = [
        {
            "@type": "HowToStep",
            "position": position,
            "name": block.value["title"],
            "text": text(block.value["description"].source, 120) or block.value["title"],
        }
        for position, block in enumerate(page.steps, start=1)
    ]
    return {
        "@type": "HowTo",
        "name": page.title,
        "description": text(page.summary),
        "url": absolute(page.url),
        "step": steps,
        "datePublished": iso(page.first_published_at),
        "dateModified": iso(page.last_reviewed),
        "publisher": publisher(absolute),
        "author": knowledge_author(page, absolute),
    }


def organisation_reference(organisation, absolute, fallback=None):
    """A structure as schema.org names it; `fallback` when there is none or it is withdrawn
    (unpublished structures are never named on the site)."""
    if organisation is None or not organisation.live:
        return fallback
    return {"@type": "Organization", "name": organisation.title, "url": absolute(organisation.url)}


def knowledge_author(page, absolute):
    organisation = page.organisation if page.organisation_id else None
    return organisation_reference(organisation, absolute, fallback=publisher(absolute))


def practice(page, context, absolute):
    return {
        "@type": "Article",
        "headline": Truncator(page.title).chars(110),
        "description": text(page.summary),
        "url": absolute(page.url),
        "datePublished": iso(page.first_published_at),
        "dateModified": iso(page.last_reviewed),
        "author": knowledge_author(page, absolute),
        "publisher": publisher(absolute),
    }


def organisation(page, context, absolute):
    node = {
        "@type": "Organization",
        "name": page.title,
        "url": absolute(page.url),
        "description": text(page.description),
        "telephone": page.phone,
        "sameAs": [page.website] if page.website else [],
        "address": postal_address(page.street_address, page.postcode, page.municipality),
    }
    if page.latitude is not None and page.longitude is not None:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    return node


def event(page, context, absolute):
    places = []
    if page.venue or page.address:
        places.append(
            {
                "@type": "Place",
                "name": page.venue or page.address.splitlines()[0],
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": page.address or page.venue,
                    "addressCountry": "BE",
                },
            }
        )
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    mode = (
        "MixedEventAttendanceMode"
        if len(places) == 2
        else "OnlineEventAttendanceMode"
        if page.online_url
        else "OfflineEventAttendanceMode"
    )
    start = context.get("local_start") or page.start
    places_left = context.get("places_left")
    offer_url = page.registration_url or absolute(context.get("register_url") or page.url)
    return {
        "@type": "Event",
        "name": page.title,
        "description": text(page.introduction) or page.title,
        "url": absolute(page.url),
        "startDate": iso(start),
        "endDate": iso(page.end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": places[0] if len(places) == 1 else places,
        "organizer": {"@type": "Organization", "name": page.organiser or SITE_NAME},
        "maximumAttendeeCapacity": page.capacity,
        "offers": {
            "@type": "Offer",
            "url": offer_url,
            "price": "0",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/SoldOut"
            if places_left == 0
            else "https://schema.org/InStock",
        },
    }


def offer(page, context, absolute):
    place = postal_address(page.street_address, page.postcode, page.municipality)
    organisation = page.organisation if page.organisation_id else None
    provider = organisation_reference(organisation, absolute, fallback=publisher(absolute))
    if page.kind == "emploi-insertion":
        return {
            "@type": "JobPosting",
            "title": page.title,
            "description": text(page.summary, 200),
            "url": absolute(page.url),
            "datePosted": iso(page.first_published_at),
            "validThrough": iso(page.end_date),
            "hiringOrganization": provider,
            "jobLocation": {"@type": "Place", "address": place},
            "employmentType": "TEMPORARY",
        }
    return {
        "@type": "EducationalOccupationalProgram",
        "name": page.title,
        "description": text(page.summary),
        "url": absolute(page.url),
        "provider": provider,
        "startDate": iso(page.start_date),
        "endDate": iso(page.end_date),
        "timeToComplete": None,
        "programType": page.get_kind_display(),
    }


def white_paper(page, context, absolute):
    return {
        "@type": "Report" if type(page).__name__ == "EditionPage" else "Article",
        "headline": Truncator(page.title).chars(110),
        "name": page.title,
        "description": text(
            getattr(page, "introduction", "")
            or getattr(page, "proposed_change", "")
            or page.search_description
        ),
        "url": absolute(page.url),
        "datePublished": iso(page.first_published_at),
        "dateModified": iso(page.last_published_at),
        "author": publisher(absolute),
        "publisher": publisher(absolute),
    }


def collection(page, context, absolute):
    if context.get("person") is not None:
        return compagnon(context["person"], absolute)
    return {
        "@type": "CollectionPage",
        "name": context.get("seo_title") or page.title,
        "url": absolute(context["request"].path),
        "description": text(getattr(page, "introduction", "") or page.search_description),
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME, "url": absolute("/")},
    }


def compagnon(person, absolute):
    """A compagnon's public profile (only people who consented have one). No e-mail, ever."""
    return {
        "@type": "ProfilePage",
        "url": absolute(getattr(person, "profile_url", "")),
        "mainEntity": {
            "@type": "Person",
            "name": person.name,
            "jobTitle": person.role,
            "description": text(person.expertise),
            "knowsLanguage": person.languages,
            "worksFor": organisation_reference(person.organisation, absolute),
        },
    }


def web_page(page, context, absolute):
    return {
        "@type": "WebPage",
        "name": page.title,
        "url": absolute(page.url),
        "description": text(page.search_description or getattr(page, "introduction", "")),
    }


BUILDERS = {
    "HomePage": home_page,
    "FicheActionPage": fiche,
    "BonnePratiquePage": practice,
    "OrganisationPage": organisation,
    "EventPage": event,
    "OfferPage": offer,
    "EditionPage": white_paper,
    "ChapterPage": white_paper,
    "RecommendationPage": white_paper,
    "KnowledgeIndexPage": collection,
    "DirectoryPage": collection,
    "AgendaPage": collection,
    "CalendarPage": collection,
    "OffersIndexPage": collection,
    "WhitePaperIndexPage": collection,
    "StandardPage": web_page,
}
OG_TYPES = {
    "HomePage": "website",
    "FicheActionPage": "article",
    "BonnePratiquePage": "article",
    "RecommendationPage": "article",
    "ChapterPage": "article",
    "EditionPage": "article",
}


def breadcrumbs(page, context, absolute):
    """BreadcrumbList from the home page down to the page (and a routed sub-page, if any)."""
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    items = [
        (str(translation.gettext("Accueil")) if position == 0 else ancestor.title, absolute(ancestor.url))
        for position, ancestor in enumerate(ancestors + [page])
    ]
    sub_title = context.get("seo_title")
    request = context["request"]
    if sub_title and absolute(request.path) != items[-1][1]:
        items.append((str(sub_title), absolute(request.path)))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def build(page, context):
    """(JSON-LD graph, Open Graph dict) for the page being rendered."""
    request = context["request"]

    def absolute(url):
        return request.build_absolute_uri(url) if url else ""

    builder = BUILDERS.get(type(page).__name__, web_page)
    main = clean(builder(page, context, absolute))
    graph = [main, clean(breadcrumbs(page, context, absolute))]
    description = main.get("description") or (main.get("mainEntity") or {}).get("description", "")
    language = translation.get_language() or settings.LANGUAGE_CODE
    open_graph = {
        "og:type": "profile"
        if main.get("@type") == "ProfilePage"
        else OG_TYPES.get(type(page).__name__, "website"),
        "og:title": context.get("seo_title") or page.seo_title or page.title,
        "og:description": description,
        "og:url": absolute(request.path),
        "og:site_name": SITE_NAME,
        "og:locale": OG_LOCALES.get(language, "fr_BE"),
    }
    return {"@context": "https://schema.org", "@graph": graph}, {k: v for k, v in open_graph.items() if v}


def remembered_build(page, context):
    """`build`, remembered per page, language and address until the next publication."""
    request = context["request"]
    address = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()[:32]
    return remembered(
        "structured-data", page.pk, translation.get_language(), address, build=lambda: build(page, context)
    )


def as_script_data(graph):
    """The JSON-LD text, safe inside <script>: no "</script>" or comment can close it early."""
    return (
        json.dumps(graph, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
