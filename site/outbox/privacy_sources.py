"""Stored mails in the personal-data registry: exported with the person's data, deleted on
erasure, and deleted by `anonymise_personal_data` once sent for OUTBOX_KEEP_SENT_DAYS days (and
failed ones after the general retention period)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from passerelles.privacy import PersonalDataSource, register, retention_days

from .models import MailStatus, OutgoingMail


def keep_sent_days():
    return int(getattr(settings, "OUTBOX_KEEP_SENT_DAYS", 30))


class StoredMails(PersonalDataSource):
    def records_of(self, email):
        address = email.strip().lower()
        # `recipients` is "a@x, b@y": match a whole address, not a longer one that ends like it.
        return OutgoingMail.objects.filter(
            Q(recipients=address)
            | Q(recipients__startswith=f"{address}, ")
            | Q(recipients__endswith=f", {address}")
            | Q(recipients__contains=f", {address}, ")
        )

    def expired(self, now=None):
        now = now or timezone.now()
        return OutgoingMail.objects.filter(
            Q(status=MailStatus.SENT, sent_at__lt=now - timedelta(days=keep_sent_days()))
            | Q(status=MailStatus.FAILED, created_at__lt=now - timedelta(days=retention_days()))
        )

    def anonymise(self, queryset):
        """A stored mail is nothing but personal data: it is deleted, attachments included."""
        pks = list(queryset.values_list("pk", flat=True))
        OutgoingMail.objects.filter(pk__in=pks).delete()
        return len(pks)


register(
    StoredMails(
        model=OutgoingMail,
        email_field="recipients",
        export_fields=["created_at", "status", "subject", "to", "sent_at"],
    )
)
