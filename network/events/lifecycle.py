"""An event's life after people registered: moved, its place changed, cancelled.

On each publication the event's dates, place and status are compared with what registrants were
last told (`EventSchedule`). When they differ, the iCalendar SEQUENCE goes up by one and every
registrant gets a notice with the updated .ics: same UID, higher SEQUENCE, so their calendar
program moves (or cancels) the entry instead of adding a second one. Each notice is sent once per
registration and version (`passerelles.reminders.send_once`), even if the publication is replayed.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from passerelles.reminders.sending import send_once

from .models import EventPage
from .models.recurrence import BRUSSELS
from .models.registration import EventSchedule, Registration, RegistrationStatus
from .registrations import ACTIVE, registration_message, session_at
from .schedule import fingerprint, place_changed

CHANGE = "events.change"


def on_publish(sender, instance, **kwargs):
    """Signal receiver (page_published): notifies the registrants of a changed event."""
    event = instance if isinstance(instance, EventPage) else instance.specific
    if isinstance(event, EventPage):
        publish_schedule(event)


def publish_schedule(event):
    """Records the published version; returns the new SEQUENCE when registrants were notified."""
    new = fingerprint(event, {item.date for item in event.exception_dates.all()})
    with transaction.atomic():
        schedule, created = EventSchedule.objects.select_for_update().get_or_create(
            event=event, defaults={"fingerprint": new}
        )
        if created or schedule.fingerprint == new:
            return None
        old = schedule.fingerprint
        schedule.sequence += 1
        schedule.fingerprint = new
        schedule.save(update_fields=["sequence", "fingerprint", "updated_at"])
        notify_registrants(event, old, new, schedule.sequence)
    return schedule.sequence


def _local_naive(value):
    return value.astimezone(BRUSSELS).replace(tzinfo=None)


def moved_session_start(event, old, registration):
    """Where the registration's session went: the event's start for a one-off event; for a
    series, the same session shifted as much as the series' first date was (wall-clock time)."""
    if not event.recurrence:
        return event.start
    shift = _local_naive(event.start) - _local_naive(datetime.datetime.fromisoformat(old["start"]))
    return (_local_naive(registration.occurrence_start) + shift).replace(tzinfo=BRUSSELS)


def _duration(data):
    return datetime.datetime.fromisoformat(data["end"]) - datetime.datetime.fromisoformat(data["start"])


def notify_registrants(event, old, new, sequence):
    registrations = Registration.objects.filter(event=event, status__in=ACTIVE).order_by("pk")
    for registration in registrations:
        registration.event = event  # the version just published, not a fresh query's
        if new["cancelled"]:
            if not old["cancelled"]:
                _notify(registration, sequence, "cancelled")
            continue
        session = session_at(event, moved_session_start(event, old, registration))
        if session is None:
            # This date is no longer in the series (an exception date, a shorter series).
            _notify(registration, sequence, "session_cancelled")
            registration.status = RegistrationStatus.CANCELLED
            registration.save(update_fields=["status", "updated_at"])
            continue
        changed = (
            session.start != registration.occurrence_start
            or _duration(old) != _duration(new)
            or old["all_day"] != new["all_day"]
            or place_changed(old, new)
            or old["cancelled"]
        )
        if session.start != registration.occurrence_start:
            registration.occurrence_start = session.start
            registration.save(update_fields=["occurrence_start", "updated_at"])
        if changed:
            _notify(registration, sequence, "changed")


def _notify(registration, sequence, what):
    event = registration.event
    waiting = registration.status == RegistrationStatus.WAITING
    subjects = {
        "changed": _("Changement : %(title)s"),
        "cancelled": _("Annulé : %(title)s"),
        "session_cancelled": _("Date annulée : %(title)s"),
    }

    def build():
        return registration_message(
            registration,
            subjects[what] % {"title": event.title},
            f"events/emails/{what}.txt",
            # The waiting list has no place in anybody's agenda yet: no .ics for it.
            attach_ics=not waiting,
            ics_cancelled=what != "changed",
            extra={"waiting": waiting},
        )

    send_once(CHANGE, f"{registration.pk}:{sequence}", build)
