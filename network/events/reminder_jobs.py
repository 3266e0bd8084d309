"""The agenda's reminders (run by `manage.py send_reminders`):

- each confirmed registrant, two days before their session, with the .ics;
- a calendar's coordinators, when a session has free places and people on its waiting list (a
  place freed in the admin, or more places: only a cancellation through the site promotes the
  next person by itself).
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.public_address import absolute_url
from passerelles.reminders.registry import register_job, register_kind
from passerelles.reminders.sending import send_once, stop_url, with_unsubscribe

from .models import EventPage
from .models.recurrence import Occurrence
from .models.registration import Registration, RegistrationStatus
from .registrations import registration_message, session_of

REMINDER = "events.reminder"
FREE_PLACES = "events.free-places"
DAYS_BEFORE = 2

register_kind(REMINDER, gettext_lazy("le rappel envoyé deux jours avant cet événement"))
register_kind(FREE_PLACES, gettext_lazy("les rappels de places libres face à une liste d’attente"))


def registration_subject(registration):
    return f"registration:{registration.pk}"


def send_session_reminders(now):
    """Every confirmed registration whose session starts within DAYS_BEFORE days, once each."""
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        occurrence_start__gt=now,
        occurrence_start__lte=now + datetime.timedelta(days=DAYS_BEFORE),
        event__live=True,
        event__cancelled=False,
    ).select_related("event")
    sent = 0
    for registration in due:
        subject = registration_subject(registration)

        def build(registration=registration, subject=subject):
            url = stop_url(REMINDER, subject)
            message = registration_message(
                registration,
                _("Rappel : %(title)s") % {"title": registration.event.title},
                "events/emails/reminder.txt",
                extra={"stop_url": url},
            )
            return with_unsubscribe(message, url)

        key = f"{registration.pk}:{registration.occurrence_start.isoformat()}"
        sent += send_once(REMINDER, key, build, stop_subject=subject)
    return sent


def coordinators_of(event):
    calendar = event.get_parent().specific
    group_id = getattr(calendar, "coordinators_id", None)
    if group_id is None:
        return []
    return list(get_user_model().objects.filter(groups=group_id, is_active=True).exclude(email=""))


def send_free_places_reminders(now):
    sessions = (
        Registration.objects.filter(
            occurrence_start__gt=now,
            event__live=True,
            event__cancelled=False,
            event__capacity__isnull=False,
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
        )
        .values("event", "occurrence_start")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        )
        .filter(waiting__gt=0)
        .order_by("occurrence_start")
    )
    events = EventPage.objects.in_bulk({row["event"] for row in sessions})
    sent = 0
    for row in sessions:
        event = events[row["event"]]
        free = event.capacity - row["confirmed"]
        if free <= 0:
            continue
        occurrence = session_of(Registration(event=event, occurrence_start=row["occurrence_start"]))
        for user in coordinators_of(event):
            sent += _send_free_places(event, occurrence, free, row["waiting"], user)
    return sent


def _send_free_places(event, occurrence: Occurrence, free, waiting, user):
    subject = f"user:{user.pk}"

    def build():
        url = stop_url(FREE_PLACES, subject)
        admin_url = absolute_url(reverse("wagtailsnippets_events_registration:list") + "?status=attente")
        context = {
            "event": event,
            "occurrence": occurrence,
            "free": free,
            "waiting": waiting,
            "admin_url": admin_url,
            "stop_url": url,
        }
        message = EmailMessage(
            _("Places libres et liste d’attente : %(title)s") % {"title": event.title},
            render_to_string("events/emails/free_places.txt", context),
            to=[user.email],
        )
        return with_unsubscribe(message, url)

    # Once per state of the session: a new cancellation or a new person waiting reminds again.
    key = f"{event.pk}:{occurrence.start.isoformat()}:{free}:{waiting}:{user.pk}"
    return send_once(FREE_PLACES, key, build, stop_subject=subject)


register_job("evenements-rappels", send_session_reminders, order=10)
register_job("evenements-places-libres", send_free_places_reminders, order=20)
