"""Delivery of stored mail by the task framework, with a growing delay between attempts.

At most one delivery runs per message: a task first claims the row (pending → sending in one
UPDATE), so a message queued twice (by its retry and by `retry_outbox`) is sent once.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .models import MailStatus, OutgoingMail

BACKEND_ALIAS = "outbox"


def delivery_backend():
    return getattr(settings, "OUTBOX_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend")


def max_attempts():
    return int(getattr(settings, "OUTBOX_MAX_ATTEMPTS", 10))


def retry_delay(attempts):
    """1, 2, 4, 8… minutes after the n-th failed attempt (OUTBOX_RETRY_SECONDS), at most 6 hours."""
    first = float(getattr(settings, "OUTBOX_RETRY_SECONDS", 60))
    return timedelta(seconds=min(first * 2 ** (attempts - 1), 6 * 3600))


@task(backend=BACKEND_ALIAS)
def deliver(mail_id):
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(pk=mail_id, status=MailStatus.PENDING).update(
        status=MailStatus.SENDING, attempts=F("attempts") + 1, last_attempt_at=now
    )
    if not claimed:
        return "déjà traité"
    mail = OutgoingMail.objects.prefetch_related("attachments").get(pk=mail_id)
    try:
        get_connection(delivery_backend(), fail_silently=False).send_messages([mail.as_email_message()])
    except Exception as error:  # whatever the server or the network says, the mail waits for a retry
        return _failed(mail, error)
    mail.status = MailStatus.SENT
    mail.sent_at = timezone.now()
    mail.next_attempt_at = None
    mail.last_error = ""
    mail.save(update_fields=["status", "sent_at", "next_attempt_at", "last_error"])
    return "envoyé"


def _failed(mail, error):
    mail.last_error = f"{type(error).__name__}: {error}"[:2000]
    if mail.attempts >= max_attempts():
        mail.status, mail.next_attempt_at = MailStatus.FAILED, None
    else:
        mail.status, mail.next_attempt_at = MailStatus.PENDING, timezone.now() + retry_delay(mail.attempts)
    mail.save(update_fields=["status", "next_attempt_at", "last_error"])
    if mail.status == MailStatus.PENDING and deliver.get_backend().supports_defer:
        deliver.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
    return mail.get_status_display()


def retry_now(mail):
    """An administrator's retry: a failed (or waiting) message gets a fresh series of attempts."""
    OutgoingMail.objects.filter(pk=mail.pk).exclude(status=MailStatus.SENT).update(
        status=MailStatus.PENDING, attempts=0, next_attempt_at=None
    )
    deliver.enqueue(mail.pk)


def queue_due(now=None, stuck_after=timedelta(minutes=15)):
    """Queues every pending message that is due (safety net run by `retry_outbox`); returns counts.

    A message left "sending" by a worker that died is put back to pending after `stuck_after`.
    """
    now = now or timezone.now()
    stuck = OutgoingMail.objects.filter(status=MailStatus.SENDING, last_attempt_at__lt=now - stuck_after)
    unstuck = stuck.update(status=MailStatus.PENDING, next_attempt_at=now)
    due = list(
        OutgoingMail.objects.filter(status=MailStatus.PENDING)
        .exclude(next_attempt_at__gt=now)
        .values_list("pk", flat=True)
    )
    for mail_id in due:
        deliver.enqueue(mail_id)
    return {"queued": len(due), "unstuck": unstuck}
