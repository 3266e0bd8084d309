"""Registering to an event: capacity, waiting list, signed cancel links and e-mails.

A registration is to one session: the event itself, or one date of a recurring event. Places and
the waiting list are counted per session.

The capacity check and the insert run in one transaction that first writes to the event's row:
PostgreSQL then holds a row lock and SQLite its write lock until commit, so two people sending
the form at the same instant are counted one after the other and never overbook the room. The
e-mail goes to the outbox inside that transaction: never a row without its mail, nor the reverse.
"""

import datetime
import time
from urllib.parse import urlencode

from django.core import signing
from django.core.mail import EmailMessage
from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .ical import build_registration_calendar
from .models.recurrence import BRUSSELS, Occurrence, occurrences
from .models.registration import EventSchedule, Registration, RegistrationStatus
from .schedule import fingerprint

CANCEL_SALT = "events.registration.cancel"
ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


def cancel_token(registration):
    return signing.dumps({"r": registration.pk, "e": registration.event_id}, salt=CANCEL_SALT)


def cancel_url(registration, request=None):
    event = registration.event
    query = urlencode({"jeton": cancel_token(registration)})
    return f"{event.get_full_url(request)}{event.reverse_subpage('cancel_view')}?{query}"


def registration_from_token(event, token):
    """The active registration the signed token names, or None when tampered or unknown."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("e") != event.pk:
        return None
    return Registration.objects.filter(pk=data.get("r"), event=event).select_related("event").first()


def session_at(event, start):
    """The occurrence of `event` starting exactly at `start`, or None (not one of its dates)."""
    if start is None:
        return None
    if not event.recurrence:
        return Occurrence(event, event.start, event.end) if start == event.start else None
    found = occurrences(event, start, start + datetime.timedelta(seconds=1))
    return next((occurrence for occurrence in found if occurrence.start == start), None)


def session_of(registration):
    """The registration's session; its end follows the event's duration in wall-clock time."""
    event = registration.event
    start = registration.occurrence_start
    if not event.recurrence:
        return Occurrence(event, event.start, event.end)
    naive = start.astimezone(BRUSSELS).replace(tzinfo=None)
    return Occurrence(event, start, (naive + (event.end - event.start)).replace(tzinfo=BRUSSELS))


def remember_schedule(event):
    """What a registrant is told (dates, place) becomes the event's notified version, unless one
    exists: a later publication that changes it then notifies them."""
    exceptions = {item.date for item in event.exception_dates.all()}
    EventSchedule.objects.get_or_create(event=event, defaults={"fingerprint": fingerprint(event, exceptions)})


def sequence_of(event):
    """The iCalendar SEQUENCE registrants last received for this event (0 before any change)."""
    return EventSchedule.objects.filter(event=event).values_list("sequence", flat=True).first() or 0


def same_session(event, occurrence_start):
    """The filter of one session's registrations. A one-off event has one session, whatever
    start its registrations recorded (an edit saved without publishing moves no registration)."""
    if not event.recurrence:
        return {"event": event}
    return {"event": event, "occurrence_start": occurrence_start}


def confirmed_count(event, occurrence_start):
    return Registration.objects.filter(
        **same_session(event, occurrence_start), status=RegistrationStatus.CONFIRMED
    ).count()


def _lock_event(event):
    """A no-op UPDATE on the event row: a row lock (PostgreSQL) or the write lock (SQLite)."""
    _rows_of(event).update(capacity=F("capacity"))


def _rows_of(event):
    # Through the event's own class: the event page model imports this module (via the views).
    return type(event)._default_manager.filter(pk=event.pk)


def _serialised(function, attempts=20):
    """Runs `function` in a transaction, retrying when SQLite reports a locked database."""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return function()
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def register(event, name, email, organisation="", occurrence_start=None):
    """(registration, created): a confirmed place, a waiting-list place, or the existing one, for
    the session starting at `occurrence_start` (the event's start when not given)."""
    occurrence_start = occurrence_start or event.start

    def attempt():
        _lock_event(event)
        existing = Registration.objects.filter(
            **same_session(event, occurrence_start), email__iexact=email, status__in=ACTIVE
        ).first()
        if existing:
            return existing, False
        capacity = _rows_of(event).values_list("capacity", flat=True).get()
        status = RegistrationStatus.CONFIRMED
        if capacity is not None and confirmed_count(event, occurrence_start) >= capacity:
            status = RegistrationStatus.WAITING
        registration = Registration.objects.create(
            event=event,
            occurrence_start=occurrence_start,
            name=name,
            email=email,
            organisation=organisation,
            status=status,
        )
        remember_schedule(event)
        # In the same transaction: the row and its e-mail (stored in the outbox) exist together.
        send_registration_mail(registration)
        return registration, True

    return _serialised(attempt)


def cancel(registration):
    """Cancels; a freed confirmed place goes to the first person waiting, who is told by e-mail."""
    event = registration.event

    def attempt():
        _lock_event(event)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            return None
        was_confirmed = current.status == RegistrationStatus.CONFIRMED
        current.status = RegistrationStatus.CANCELLED
        current.save(update_fields=["status", "updated_at"])
        if not was_confirmed:
            return None
        capacity = _rows_of(event).values_list("capacity", flat=True).get()
        if capacity is not None and confirmed_count(event, current.occurrence_start) >= capacity:
            return None
        promoted = (
            Registration.objects.filter(
                **same_session(event, current.occurrence_start), status=RegistrationStatus.WAITING
            )
            .order_by("created_at", "pk")
            .first()
        )
        if promoted:
            promoted.status = RegistrationStatus.CONFIRMED
            promoted.save(update_fields=["status", "updated_at"])
            send_promotion_mail(promoted)
        return promoted

    return _serialised(attempt)


def registration_message(
    registration, subject, template, attach_ics=True, extra=None, request=None, ics_cancelled=False
):
    """The e-mail about one registration: its session, cancel link and, when asked, its .ics at
    the event's current SEQUENCE."""
    event = registration.event
    occurrence = session_of(registration)
    context = {
        "registration": registration,
        "event": event,
        "occurrence": occurrence,
        "event_url": event.get_full_url(request),
        "cancel_url": cancel_url(registration, request),
        **(extra or {}),
    }
    message = EmailMessage(subject, render_to_string(template, context), to=[registration.email])
    if attach_ics:
        calendar = build_registration_calendar(
            registration, occurrence, sequence_of(event), request, cancelled=ics_cancelled
        )
        message.attach(f"{event.slug}.ics", calendar, "text/calendar")
    return message


def _mail(registration, subject, template, request=None, attach_ics=True):
    registration_message(registration, subject, template, attach_ics, request=request).send()


def send_registration_mail(registration):
    if registration.status == RegistrationStatus.WAITING:
        subject = _("Liste d’attente : %(title)s") % {"title": registration.event.title}
        _mail(registration, subject, "events/emails/waiting.txt", attach_ics=False)
    else:
        subject = _("Inscription confirmée : %(title)s") % {"title": registration.event.title}
        _mail(registration, subject, "events/emails/confirmed.txt")


def send_promotion_mail(registration):
    subject = _("Une place s’est libérée : %(title)s") % {"title": registration.event.title}
    _mail(registration, subject, "events/emails/promoted.txt")
