"""Sent reminders name their recipient: exported with the person's data, anonymised on erasure
or after the retention period (the row stays, without the address, so nothing is sent again)."""

from passerelles.privacy import PersonalDataSource, register

from .models import SentReminder

register(
    PersonalDataSource(
        model=SentReminder,
        email_field="recipient",
        export_fields=["kind", "key", "sent_at"],
        date_field="sent_at",
    )
)
