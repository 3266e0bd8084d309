"""Sending a reminder once, with its List-Unsubscribe header and link."""

from urllib.parse import urlencode

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from passerelles.public_address import absolute_url

from .models import ReminderOptOut, SentReminder

STOP_SALT = "reminders.stop"


def stop_token(kind, subject):
    return signing.dumps({"k": kind, "s": subject}, salt=STOP_SALT)


def read_stop_token(token):
    """(kind, subject), or None when the token is forged, truncated or of another kind."""
    try:
        data = signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("k"), str) or not isinstance(data.get("s"), str):
        return None
    return data["k"], data["s"]


def stop_url(kind, subject):
    return absolute_url(reverse("reminders_stop") + "?" + urlencode({"jeton": stop_token(kind, subject)}))


def is_stopped(kind, subject):
    return ReminderOptOut.objects.filter(kind=kind, subject=subject).exists()


def stop(kind, subject):
    ReminderOptOut.objects.get_or_create(kind=kind, subject=subject)


def with_unsubscribe(message, url):
    """RFC 2369 and RFC 8058: mail programs show a "Se désabonner" button that POSTs to `url`."""
    message.extra_headers["List-Unsubscribe"] = f"<{url}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def was_sent(kind, key):
    return SentReminder.objects.filter(kind=kind, key=key).exists()


def send_once(kind, key, build_message, stop_subject=None):
    """Sends the message `build_message()` returns unless this (kind, key) went already or the
    person stopped this kind of reminder; True when sent.

    The record and the outbox row are written in one transaction: both exist, or neither. Two runs
    at the same instant collide on the unique constraint and only one sends.
    """
    if stop_subject is not None and is_stopped(kind, stop_subject):
        return False
    try:
        with transaction.atomic():
            message = build_message()
            SentReminder.objects.create(kind=kind, key=key[:200], recipient=(message.to or [""])[0][:254])
            message.send()
    except IntegrityError:
        return False  # already sent (by this run's twin, or an earlier run)
    return True
