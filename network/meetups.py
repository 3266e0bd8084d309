"""The life of a meetup request: save, notify the compagnon with signed links, answer, expire.

Links carry a signed token (django.core.signing, no login needed). E-mails go to the outbox
(passerelles.outbox): stored with the request, sent by the worker, retried while the mail server
is down; the administrators see there what is pending or failed.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from .models.meetups import MeetupRequest, MeetupStatus

TOKEN_SALT = "network.meetup-answer"
ACTIONS = {"accept": MeetupStatus.ACCEPTED, "decline": MeetupStatus.DECLINED}


def expiry_days():
    return getattr(settings, "MEETUP_EXPIRY_DAYS", 21)


class InvalidLink(Exception):
    """The link was tampered with, is too old, or names an unknown request."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def make_token(meetup, action):
    return signing.dumps({"id": meetup.pk, "action": action}, salt=TOKEN_SALT)


def read_token(token):
    """(MeetupRequest, action) for a valid token, else InvalidLink with a French message."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=timedelta(days=expiry_days() + 1))
    except signing.SignatureExpired as error:
        raise InvalidLink(_("Ce lien a expiré : la demande n'attend plus de réponse."), status=410) from error
    except signing.BadSignature as error:
        raise InvalidLink(_("Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier.")) from error
    if not isinstance(data, dict) or data.get("action") not in ACTIONS:
        raise InvalidLink(_("Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier."))
    meetup = (
        MeetupRequest.objects.select_related("person__organisation", "format")
        .filter(pk=data.get("id"))
        .first()
    )
    if meetup is None:
        raise InvalidLink(_("Cette demande de rencontre n'existe plus."), status=404)
    return meetup, data["action"]


def answer_links(meetup, directory, request):
    base = directory.get_full_url(request) + directory.reverse_subpage("meetup_answer")
    return {action: f"{base}?{urlencode({'jeton': make_token(meetup, action)})}" for action in ACTIONS}


def create_request(form, person, source_page=None):
    meetup = form.save(commit=False)
    meetup.person = person
    meetup.person_name = person.name
    meetup.source_page = source_page
    meetup.expires_at = timezone.now() + timedelta(days=expiry_days())
    with transaction.atomic():
        meetup.save(changed_by=_("formulaire public"))
    return meetup


def notify_person(meetup, links):
    """E-mails the compagnon (through the outbox: a mail server that is down delays it, no more)."""
    context = {"meetup": meetup, "links": links, "expiry_days": expiry_days()}
    send_mail(
        _("Demande de rencontre de %(name)s (Passerelles)") % {"name": meetup.requester_name},
        render_to_string("network/emails/meetup_to_person.txt", context),
        None,
        [meetup.person.email],
    )
    meetup.notified_at = timezone.now()
    meetup.notification_failed = False
    meetup.save(update_fields=["notified_at", "notification_failed"])
    return True


def expire(meetup, changed_by):
    meetup.status = MeetupStatus.EXPIRED
    meetup.save(changed_by=changed_by, note=_("Pas de réponse dans le délai."))
    _send(
        _("Votre demande de rencontre est restée sans réponse (Passerelles)"),
        "network/emails/meetup_expired_to_requester.txt",
        {"meetup": meetup},
        meetup.requester_email,
    )


def answer(meetup, action, message=""):
    """Records the compagnon's answer and tells the requester."""
    meetup.status = ACTIONS[action]
    meetup.response_message = message
    meetup.answered_at = timezone.now()
    meetup.save(changed_by=_("le compagnon (lien signé)"))
    context = {"meetup": meetup}
    _send(
        _("Réponse à votre demande de rencontre (Passerelles)"),
        "network/emails/meetup_answer_to_requester.txt",
        context,
        meetup.requester_email,
    )
    if meetup.status == MeetupStatus.ACCEPTED and meetup.person:
        # Only now does the compagnon get the requester's address, to organise the meeting.
        _send(
            _("Coordonnées de %(name)s (Passerelles)") % {"name": meetup.requester_name},
            "network/emails/meetup_accepted_to_person.txt",
            context,
            meetup.person.email,
        )


def _send(subject, template, context, recipient):
    send_mail(subject, render_to_string(template, context), None, [recipient])
