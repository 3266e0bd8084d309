"""Digests: for every confirmed subscription due at its frequency, what is new or updated in its
listing, with its filters, since its last digest; then one mail each, sent at most once.

Built in a fixed number of queries whatever the number of subscribers and items: subscriptions
are grouped by listing page, and per listing page one query reads the candidates (published or
republished since the oldest digest of the group) and one UNION ALL query tells, for every
filter value some subscriber chose, which candidates it keeps, through the listing's own facet
filters (`facet.filter`). Each subscription then keeps the candidates its filters accept (values
of one facet OR-ed, facets AND-ed, as FacetedFilter.apply) and that are newer than its own last
digest. The cost grows with the number of listing pages and languages, never with subscribers.

Sending: each digest is written in one transaction with its outbox mail and the subscription's
new starting point, after claiming the subscription (a conditional UPDATE). A run that stops
half-way (crash, restart, two runs at once) never sends the same digest twice.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import CharField, Q, Value
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from passerelles.facets import FacetedFilter
from passerelles.localized import in_visitor_language
from passerelles.public_address import absolute_url

from . import mails, searches
from .listings import listing_of
from .models import Frequency, Kind, SentDigest, Subscription

DELAYS = {
    Frequency.IMMEDIATE: timedelta(0),
    Frequency.WEEKLY: timedelta(days=7),
    Frequency.MONTHLY: timedelta(days=30),
}
# A digest lists at most this many items (newest first), then links to the listing.
MAX_ITEMS = 30
# Candidates read per listing page and run: more means the listing changed wholesale.
MAX_CANDIDATES = 2000
# SQLite accepts at most 500 SELECTs in one compound statement.
UNION_CHUNK = 400


@dataclass
class Entry:
    title: str
    url: str
    summary: str
    is_new: bool
    original_language: str = ""


@dataclass
class Digest:
    subscription: Subscription
    listing_title: str
    listing_url: str
    filters: list
    entries: list = field(default_factory=list)
    more: int = 0


def due(now):
    """Confirmed listing subscriptions whose frequency lets a digest leave now."""
    when = Q()
    for frequency, delay in DELAYS.items():
        when |= Q(frequency=frequency, last_digest_at__lte=now - delay)
    return Subscription.objects.confirmed().filter(kind__in=[Kind.LISTING, Kind.SEARCH]).filter(when)


def frozen(facets):
    """The facets with their choices read once: every subscriber's filter reuses them."""
    for facet in facets:
        choices = facet.choices()
        facet.choices = lambda choices=choices: choices
    return facets


def members(facets, candidates, wanted):
    """{(parameter, slug): set of candidate pks} for the wanted filter values, in one query per
    UNION_CHUNK values, through each facet's own filter."""
    by_parameter = {facet.parameter: facet for facet in facets}
    parts = []
    for parameter, slug in sorted(wanted):
        key = f"{parameter}={slug}"
        filtered = by_parameter[parameter].filter(candidates, [slug])
        parts.append(
            filtered.order_by()
            .annotate(alert_key=Value(key, output_field=CharField()))
            .values_list("alert_key", "pk")
        )
    found = {}
    for start in range(0, len(parts), UNION_CHUNK):
        chunk = parts[start : start + UNION_CHUNK]
        for key, pk in chunk[0].union(*chunk[1:], all=True):
            parameter, slug = key.split("=", 1)
            found.setdefault((parameter, slug), set()).add(pk)
    return found


def accepts(selected, item, membership):
    return all(any(item.pk in membership.get((p, s), ()) for s in slugs) for p, slugs in selected.items())


def build_digests(now=None):
    """The digests due now, each with at least one entry (nothing new: nothing is sent)."""
    now = now or timezone.now()
    subscriptions = list(due(now).order_by("page_id", "pk"))
    by_page, followed_searches = {}, []
    for subscription in subscriptions:
        if subscription.kind == Kind.SEARCH:
            followed_searches.append(subscription)
        else:
            by_page.setdefault(subscription.page_id, []).append(subscription)
    pages = {page.pk: page for page in Page.objects.filter(pk__in=by_page).specific()}
    digests = []
    for page_id, group in by_page.items():
        page = pages.get(page_id)
        listing = listing_of(page) if page is not None else None
        if listing is None:
            continue
        digests += digests_of_listing(page, listing, group, now)
    if followed_searches:
        digests += digests_of_searches(followed_searches, now)
    return digests


def digests_of_searches(subscriptions, now):
    """Digests of followed searches, language by language (documents are per language)."""
    search_facets = frozen(searches.facets())
    parsed = {}
    for subscription in subscriptions:
        data = QueryDict(subscription.query)
        parsed[subscription.pk] = (data.get("q", ""), FacetedFilter(search_facets, data))
    digests = []
    for language in sorted({s.language for s in subscriptions}):
        group = [s for s in subscriptions if s.language == language]
        since = min(s.last_digest_at for s in group)
        documents = searches.candidates(language, since, now)
        found = list(documents.order_by("-pk")[:MAX_CANDIDATES])
        if not found:
            continue
        dates = {
            pk: (first, last)
            for pk, first, last in Page.objects.filter(pk__in=[int(d.source_id) for d in found]).values_list(
                "pk", "first_published_at", "last_published_at"
            )
        }
        wanted = {(p, slug) for s in group for p, slugs in parsed[s.pk][1].selected.items() for slug in slugs}
        membership = members(search_facets, documents, wanted) if wanted else {}
        texts = {parsed[s.pk][0] for s in group if parsed[s.pk][0]}
        by_text = {text: searches.matching(text, language, documents) for text in texts}
        for subscription in group:
            text, facet_filter = parsed[subscription.pk]
            kept = []
            for document in found:
                first, last = dates.get(int(document.source_id), (None, None))
                if last is None or last <= subscription.last_digest_at:
                    continue
                if text and document.pk not in by_text[text]:
                    continue
                if accepts(facet_filter.selected, document, membership):
                    kept.append((document, first))
            if kept:
                digests.append(search_digest(subscription, text, facet_filter, kept))
    return digests


def search_digest(subscription, text, facet_filter, kept):
    with translation.override(subscription.language):
        title = _("Recherche « %(text)s »") % {"text": text} if text else _("Recherche")
        url = absolute_url(reverse("search:index")) + (f"?{subscription.query}" if subscription.query else "")
        entries = [
            Entry(
                title=document.title,
                url=document.url if document.url.startswith("http") else absolute_url(document.url),
                summary=document.summary[:300],
                is_new=first is None or first > subscription.last_digest_at,
                original_language=document.locale if document.locale != subscription.language else "",
            )
            for document, first in kept[:MAX_ITEMS]
        ]
        return Digest(subscription, title, url, facet_filter.active, entries, max(len(kept) - MAX_ITEMS, 0))


def digests_of_listing(page, listing, subscriptions, now):
    facets = frozen(listing.facets())
    # Subscribers share filters and (for one frequency) their last digest: each distinct filter,
    # and each distinct (filter, since, language), is worked out once.
    filters = {
        query: listing.facet_filter(QueryDict(query), facets) for query in {s.query for s in subscriptions}
    }
    since = min(s.last_digest_at for s in subscriptions)
    # Read as the French listing shows them: the listing's items are its French originals.
    with translation.override("fr"):
        candidates = listing.items(page).filter(last_published_at__gt=since, last_published_at__lte=now)
    items = list(candidates.order_by("-last_published_at", "-pk")[:MAX_CANDIDATES])
    if not items:
        return []
    wanted = {(p, slug) for f in filters.values() for p, slugs in f.selected.items() for slug in slugs}
    membership = members(facets, candidates, wanted) if wanted else {}
    kept_for = {}
    for key in {(s.query, s.last_digest_at) for s in subscriptions}:
        query, last = key
        selected = filters[query].selected
        kept = [
            item for item in items if item.last_published_at > last and accepts(selected, item, membership)
        ]
        if kept:
            kept_for[key] = kept
    if not kept_for:
        return []
    # Each language's translations in one query: shown in the subscriber's language when live.
    every = {item.pk for kept in kept_for.values() for item in kept}
    originals = [item for item in items if item.pk in every]
    shown = {}
    for language in {s.language for s in subscriptions if (s.query, s.last_digest_at) in kept_for}:
        with translation.override(language):
            localized = in_visitor_language(originals)
            entries = {
                original.pk: entry_of(item) for original, item in zip(originals, localized, strict=True)
            }
            listing_page = in_visitor_language([page])[0]
            shown[language] = (entries, listing_page, listing_page.get_full_url() or "")
    listed_for = {}
    digests = []
    for subscription in subscriptions:
        key = (subscription.query, subscription.last_digest_at)
        kept = kept_for.get(key)
        if not kept:
            continue
        entries, listing_page, listing_url = shown[subscription.language]
        listed = listed_for.get((*key, subscription.language))
        if listed is None:
            listed = listed_for[(*key, subscription.language)] = [
                Entry(
                    entries[item.pk].title,
                    entries[item.pk].url,
                    entries[item.pk].summary,
                    is_new=item.first_published_at is None
                    or item.first_published_at > subscription.last_digest_at,
                    original_language=entries[item.pk].original_language,
                )
                for item in kept[:MAX_ITEMS]
            ]
        digests.append(
            Digest(
                subscription=subscription,
                listing_title=listing_page.title,
                listing_url=listing_url + (f"?{subscription.query}" if subscription.query else ""),
                filters=filters[subscription.query].active,
                entries=listed,
                more=max(len(kept) - MAX_ITEMS, 0),
            )
        )
    return digests


def entry_of(item):
    return Entry(
        title=item.title,
        url=item.get_full_url() or "",
        summary=str(getattr(item, "summary", "") or getattr(item, "search_description", "") or "")[:300],
        is_new=False,
        original_language=getattr(item, "original_language", ""),
    )


def message_of(digest):
    subscription = digest.subscription
    with translation.override(subscription.language):
        subject = _("Nouveautés : %(title)s") % {"title": digest.listing_title}
    return mails.build(subscription, "digest", subject, {"digest": digest})


def send(digest, now):
    """Sends one digest once: claim, record and store the mail in one transaction."""
    subscription = digest.subscription
    with transaction.atomic():
        claimed = Subscription.objects.filter(
            pk=subscription.pk, last_digest_at=subscription.last_digest_at
        ).update(last_digest_at=now)
        if not claimed:  # another run sent it (or the person left) in the meantime
            return False
        SentDigest.objects.create(
            subscription=subscription,
            period_start=subscription.last_digest_at,
            period_end=now,
            item_count=len(digest.entries) + digest.more,
        )
        message_of(digest).send()
    return True


def send_pending(now=None, progress=None):
    """Builds and sends every digest due now; returns the number sent."""
    now = now or timezone.now()
    sent = 0
    for digest in build_digests(now):
        sent += send(digest, now)
        if progress:
            progress(sent)
    return sent
