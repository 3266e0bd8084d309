"""Personal data of the agenda: registrations to events."""

from django.db.models import Q
from django.utils import timezone

from passerelles.privacy import ANONYMISED_NAME, PersonalDataSource, register

from .models import Registration

register(
    PersonalDataSource(
        model=Registration,
        email_field="email",
        export_fields=["name", "email", "organisation", "event", "occurrence_start", "status", "created_at"],
        date_field="created_at",
        anonymised_values={"name": ANONYMISED_NAME, "organisation": ""},
        # Organisers still need the list of an event to come.
        keep=lambda: Q(event__end__gte=timezone.now()),
    )
)
