"""Meetup requests' reminders (run by `manage.py send_reminders`):

- the compagnon, MEETUP_REMINDER_DAYS (3) days before an unanswered request expires, with the
  same signed answer links as the first mail;
- the requester, when the request expires unanswered (`meetups.expire`, also run by
  `expire_meetup_requests`): the status moves once, so the notice goes once.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.localized import default_locale_page
from passerelles.reminders.registry import register_job, register_kind
from passerelles.reminders.sending import send_once, stop_url, with_unsubscribe

from . import meetups
from .models import DirectoryPage, MeetupRequest, MeetupStatus

EXPIRY_SOON = "network.meetup-expiry"

register_kind(EXPIRY_SOON, gettext_lazy("les rappels avant l’expiration d’une demande de rencontre"))


def reminder_days():
    return int(getattr(settings, "MEETUP_REMINDER_DAYS", 3))


def directory_of(meetup):
    """The directory whose route answers the request: the compagnon's own, else the first one."""
    parent = meetup.person.organisation.get_parent().specific if meetup.person.organisation_id else None
    if isinstance(parent, DirectoryPage):
        return default_locale_page(parent)
    return DirectoryPage.objects.live().order_by("path").first()


def send_expiry_reminders(now):
    due = MeetupRequest.objects.filter(
        status=MeetupStatus.NEW,
        person__isnull=False,
        expires_at__gt=now,
        expires_at__lte=now + timedelta(days=reminder_days()),
    ).select_related("person__organisation", "format")
    sent = 0
    for meetup in due:
        directory = directory_of(meetup)
        if directory is None or not meetup.person.email:
            continue
        subject = f"person:{meetup.person_id}"

        def build(meetup=meetup, directory=directory, subject=subject):
            url = stop_url(EXPIRY_SOON, subject)
            context = {
                "meetup": meetup,
                "links": meetups.answer_links(meetup, directory, None),
                "stop_url": url,
            }
            message = EmailMessage(
                _("Rappel : %(name)s attend votre réponse (Passerelles)") % {"name": meetup.requester_name},
                render_to_string("network/emails/meetup_expiry_reminder.txt", context),
                to=[meetup.person.email],
            )
            return with_unsubscribe(message, url)

        sent += send_once(EXPIRY_SOON, str(meetup.pk), build, stop_subject=subject)
    return sent


def expire_unanswered(now):
    due = list(MeetupRequest.objects.due_to_expire(now).select_related("person"))
    for meetup in due:
        meetups.expire(meetup, changed_by=_("commande send_reminders"))
    return len(due)


register_job("rencontres-rappels", send_expiry_reminders, order=30)
register_job("rencontres-expirees", expire_unanswered, order=40)
