"""The public views behind the agenda, calendar and event routes (see models/pages.py)."""

import datetime

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from passerelles.abuse import over_limit, setting
from passerelles.fragments import remembered, remembered_query
from passerelles.language_fallback import visitor_url
from passerelles.localized import original_of
from passerelles.pagination import paginate
from passerelles.public_address import absolute_url

from . import listing, registrations
from .forms import RegistrationForm
from .ical import build_calendar
from .models.choices import RegistrationMode
from .models.recurrence import BRUSSELS, Occurrence
from .models.registration import RegistrationStatus
from .series import group_series

PER_PAGE = 20
# A recurring event offers its next dates for registration, at most this many.
SESSIONS_OFFERED = 12
# Per client address (generous: a counsellor registers a group from an EPN's shared connection),
# and per e-mail and event (strict). Settings REGISTRATION_RATE_LIMIT, REGISTRATION_EMAIL_RATE_LIMIT.
REGISTRATION_RATE = "30/h"
REGISTRATION_EMAIL_RATE = "5/h"
# What a calendar subscription carries by default (`?all=1` for everything): about a month back,
# eighteen months ahead.
FEED_DAYS_BACK = 30
FEED_DAYS_AHEAD = 548


def _listing_context(page, request, view):
    facet_filter, events = listing.faceted(page.events(), request.GET)
    for error in facet_filter.errors:
        messages.warning(request, error)
    query = request.GET.urlencode()
    feed_path = (
        visitor_url(page, request) + page.reverse_subpage("feed_view") + (f"?{query}" if query else "")
    )
    return events, {
        "view": view,
        # Counted over all the page's events (not a window): remembered until the next publication.
        "facets": facet_filter.remembered_facet_values("events", page.events(), page.pk),
        "active_filters": facet_filter.active,
        "facet_errors": facet_filter.errors,
        "feed_url": feed_path,
        "webcal_url": "webcal:" + absolute_url(feed_path, request).split(":", 1)[1],
        "query": query,
        "filter_key": facet_filter.key(),
    }


def upcoming(page, request):
    events, context = _listing_context(page, request, "upcoming")
    found = group_series(listing.upcoming_occurrences(events))
    _page(context, found, request)
    return page.render(request, context_overrides=context)


def past(page, request):
    events, context = _listing_context(page, request, "past")
    found = listing.past_occurrences(events)
    _page(context, found, request)
    return page.render(request, context_overrides=context)


def _page(context, occurrences, request):
    context["page_obj"], message = paginate(occurrences, request.GET.get("page"), PER_PAGE)
    if message:
        messages.warning(request, message)
    listing.in_visitor_language_occurrences(context["page_obj"].object_list)


def month(page, request):
    events, context = _listing_context(page, request, "month")
    year, number, error = listing.parse_month(request.GET.get("mois"))
    if error:
        messages.warning(request, error)
    previous, following = listing.shift_month(year, number, -1), listing.shift_month(year, number, 1)
    today = timezone.localdate()
    month_start = datetime.date(year, number, 1)

    def grid():
        weeks = listing.month_grid(events, year, number)
        listing.in_visitor_language_occurrences(
            occurrence for week in weeks for day in week for occurrence in day["occurrences"]
        )
        grid_context = {
            "month_start": month_start,
            "weeks": weeks,
            "today": today,
            # (name, abbreviation): Django's own abbreviations per language ("ma, di, wo" in
            # Dutch, "Mo, Di, Mi" in German), not the name's first three letters.
            "weekdays": [(WEEKDAYS[day], WEEKDAYS_ABBR[day]) for day in range(7)],
        }
        return mark_safe(render_to_string("events/_month_grid.html", grid_context, request=request))  # noqa: S308 - our template's output

    context.update(
        month_start=month_start,
        # Hundreds of links at 10,000 events: rendered once per publication, day, month, filters,
        # language and host (the links are the site's).
        month_grid=remembered_query(
            "month-grid",
            (page.pk, request.get_host(), context["filter_key"], year, number, today.isoformat()),
            build=grid,
        ),
        previous_month=f"{previous[0]:04d}-{previous[1]:02d}",
        next_month=f"{following[0]:04d}-{following[1]:02d}",
    )
    return page.render(request, template="events/month.html", context_overrides=context)


def feed(page, request):
    """The events of the (filtered) listing around today: FEED_DAYS_BACK days back to
    FEED_DAYS_AHEAD ahead (series overlapping it included, with their rule); `?all=1` gives
    every event, for archives."""
    facet_filter, events = listing.faceted(page.events(), request.GET)
    everything = request.GET.get("all") == "1"

    def build():
        selected = events
        if not everything:
            now = timezone.now()
            since, until = (
                now - datetime.timedelta(days=FEED_DAYS_BACK),
                now + datetime.timedelta(days=FEED_DAYS_AHEAD),
            )
            selected = listing.overlapping(selected, since, until)
        else:
            selected = selected.prefetch_related("exception_dates")
        return build_calendar(selected.order_by("start"), request, page.title)

    # Built once per publication and day (the window moves daily), per filters, language and host.
    body = remembered_query(
        "ical",
        (page.pk, request.get_host(), facet_filter.key(), everything, timezone.localdate().isoformat()),
        build=build,
    )
    return _ics_response(body, f"{page.slug}.ics", inline=True)


def event_ics(event, request):
    return _ics_response(build_calendar([event], request, event.title), f"{event.slug}.ics")


def _ics_response(body, filename, inline=False):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _render(page, request, status=200, **kwargs):
    response = page.render(request, **kwargs)
    response.status_code = status
    return response


class BookableSession(Occurrence):
    """A date of a recurring event in the registration form, with its places left."""

    __slots__ = ("places_label",)

    def __init__(self, occurrence):
        super().__init__(occurrence.event, occurrence.start, occurrence.end)
        self.places_label = ""


def bookable_sessions(event, now=None):
    """The dates of a recurring event one may still register to, each with its places left
    (one query for all of them); None for a one-off event."""
    if not event.recurrence:
        return None
    now = now or timezone.now()
    sessions = [
        BookableSession(occurrence)
        for occurrence in event.occurrences(now, now + datetime.timedelta(days=listing.UPCOMING_DAYS))
        if occurrence.start > now
    ][:SESSIONS_OFFERED]
    if event.capacity is not None and sessions:
        taken = dict(
            original_of(event)
            .registrations.filter(
                status=RegistrationStatus.CONFIRMED, occurrence_start__in=[item.start for item in sessions]
            )
            .values_list("occurrence_start")
            .annotate(total=Count("pk"))
        )
        for occurrence in sessions:
            left = max(event.capacity - taken.get(occurrence.start, 0), 0)
            occurrence.places_label = (
                ngettext("%(n)s place", "%(n)s places", left) % {"n": left}
                if left
                else _("complet, liste d’attente")
            )
    return sessions


def _event_context(event, request, form=None):
    now = timezone.now()
    upcoming_dates = event.occurrences(now, now + datetime.timedelta(days=listing.UPCOMING_DAYS))
    is_past = (upcoming_dates == []) and event.start < now
    sessions = bookable_sessions(event, now)
    places_left = None
    if event.capacity is not None and sessions is None:
        # A translated event is the same event: its places are counted on the French original.
        confirmed = original_of(event).registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        places_left = max(event.capacity - confirmed, 0)
    return {
        "form": form or RegistrationForm(sessions=sessions),
        "next_dates": upcoming_dates[:6],
        "is_past": is_past,
        "places_left": places_left,
        "per_session": sessions is not None,
        "accepts_registrations": (
            event.registration_mode == RegistrationMode.SITE
            and not is_past
            and not event.cancelled
            and sessions != []
        ),
        # In the visitor's language, also on an untranslated event: errors, confirmation and the
        # .ics come back in Dutch to a Dutch visitor.
        "ics_url": visitor_url(event, request) + event.reverse_subpage("ics_view"),
        "register_url": visitor_url(event, request) + event.reverse_subpage("register_view"),
        "local_start": event.start.astimezone(BRUSSELS),
        # Its terms change only when it is published: remembered per language until then.
        "event_tags": remembered(
            "event-tags",
            event.pk,
            translation.get_language(),
            build=lambda: {
                name: [tag.label for tag in getattr(event, name).all()]
                for name in ("zones", "sectors", "publics")
            },
        ),
    }


def event_detail(event, request):
    return event.render(request, context_overrides=_event_context(event, request))


def register(event, request):
    if request.method != "POST":
        return HttpResponseRedirect(visitor_url(event, request))
    form = RegistrationForm(request.POST, sessions=bookable_sessions(event))
    context = _event_context(event, request, form)
    if not context["accepts_registrations"]:
        messages.error(request, _("Les inscriptions en ligne ne sont pas ouvertes pour cet événement."))
        return _render(event, request, 400, context_overrides=context)
    if over_limit(
        request,
        "events.register",
        ip_rate=setting("REGISTRATION_RATE_LIMIT", REGISTRATION_RATE),
        email=request.POST.get("email", ""),
        target=original_of(event).pk,
        email_rate=setting("REGISTRATION_EMAIL_RATE_LIMIT", REGISTRATION_EMAIL_RATE),
    ):
        messages.error(request, _("Trop d’inscriptions depuis votre connexion ; réessayez dans une heure."))
        return _render(event, request, 429, context_overrides=context)
    if form.is_spam:
        # Answer like a success so robots learn nothing; nothing is stored or sent.
        messages.success(request, _("Merci, votre demande a bien été reçue."))
        return HttpResponseRedirect(visitor_url(event, request) + "#inscription")
    if not form.is_valid():
        return _render(event, request, 400, context_overrides=context)
    session = form.cleaned_data.get("occurrence")
    registration, created = registrations.register(
        original_of(event),
        form.cleaned_data["name"],
        form.cleaned_data["email"],
        form.cleaned_data["organisation"],
        occurrence_start=session.start if session else None,
    )
    if not created:
        messages.info(request, _("Vous êtes déjà inscrit·e à cet événement avec cette adresse."))
    elif registration.status == RegistrationStatus.WAITING:
        messages.success(
            request,
            _("L’événement est complet : vous êtes sur la liste d’attente. Un e-mail vous le confirme."),
        )
    else:
        messages.success(
            request,
            _("Votre inscription est confirmée. Un e-mail avec l’événement à ajouter à votre agenda suit."),
        )
    return HttpResponseRedirect(visitor_url(event, request) + "#inscription")


def cancel(event, request):
    token = request.POST.get("jeton") or request.GET.get("jeton") or ""
    registration = registrations.registration_from_token(original_of(event), token[:500])
    if registration is None:
        return _render(
            event, request, 400, template="events/cancel.html", context_overrides={"invalid": True}
        )
    done = registration.status == RegistrationStatus.CANCELLED
    if request.method == "POST" and not done:
        registrations.cancel(registration)
        messages.success(request, _("Votre inscription est annulée. Merci d’avoir libéré la place."))
        return HttpResponseRedirect(visitor_url(event, request))
    return event.render(
        request,
        template="events/cancel.html",
        context_overrides={"registration": registration, "done": done, "token": token},
    )
