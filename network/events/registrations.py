"""Registering to an event: capacity, waiting list, signed cancel links and e-mails.

The capacity check and the insert run in one transaction that first writes to the event's row:
PostgreSQL then holds a row lock and SQLite its write lock until commit, so two people sending
the form at the same instant are counted one after the other and never overbook the room. The
e-mail goes to the outbox inside that transaction: never a row without its mail, nor the reverse.
"""

import time
from urllib.parse import urlencode

from django.core import signing
from django.core.mail import EmailMessage
from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .ical import build_calendar
from .models.registration import Registration, RegistrationStatus

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


def register(event, name, email, organisation=""):
    """(registration, created): a confirmed place, a waiting-list place, or the existing one."""

    def attempt():
        _lock_event(event)
        existing = Registration.objects.filter(event=event, email__iexact=email, status__in=ACTIVE).first()
        if existing:
            return existing, False
        capacity = _rows_of(event).values_list("capacity", flat=True).get()
        taken = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
        status = RegistrationStatus.CONFIRMED
        if capacity is not None and taken >= capacity:
            status = RegistrationStatus.WAITING
        registration = Registration.objects.create(
            event=event, name=name, email=email, organisation=organisation, status=status
        )
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
        taken = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
        if capacity is not None and taken >= capacity:
            return None
        promoted = (
            Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if promoted:
            promoted.status = RegistrationStatus.CONFIRMED
            promoted.save(update_fields=["status", "updated_at"])
            send_promotion_mail(promoted)
        return promoted

    return _serialised(attempt)


def _mail(registration, subject, template, request=None, attach_ics=True):
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "event_url": event.get_full_url(request),
        "cancel_url": cancel_url(registration, request),
    }
    message = EmailMessage(subject, render_to_string(template, context), to=[registration.email])
    if attach_ics:
        message.attach(f"{event.slug}.ics", build_calendar([event], request, event.title), "text/calendar")
    message.send()


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
