"""Personal data of the network: compagnons' profiles, the meetup requests people send and the
requests to join a structure."""

from django.db.models import Q
from wagtail.models import Revision

from passerelles.privacy import ANONYMISED_NAME, PersonalDataSource, register

from .models import JoinRequest, JoinStatus, MeetupRequest, MeetupStatus, Person

register(
    PersonalDataSource(
        model=MeetupRequest,
        email_field="requester_email",
        export_fields=[
            "requester_name",
            "requester_email",
            "requester_organisation",
            "person_name",
            "message",
            "date_from",
            "date_to",
            "format",
            "status",
            "response_message",
            "created_at",
            "answered_at",
        ],
        date_field="created_at",
        anonymised_values={
            "requester_name": ANONYMISED_NAME,
            "requester_organisation": "",
            "message": "",
            "response_message": "",
        },
        # A request still waiting for its answer is not old, whatever its date.
        keep=lambda: Q(status=MeetupStatus.NEW),
    )
)


def forget_profiles(pks):
    """An erased compagnon leaves no trace in the page history nor in the search index."""
    Revision.objects.filter(
        base_content_type__app_label="network",
        base_content_type__model="person",
        object_id__in=[str(pk) for pk in pks],
    ).delete()
    for person in Person.objects.filter(pk__in=pks):
        person.save(update_fields=["consent_given"])  # the search index follows post_save


register(
    PersonalDataSource(
        model=Person,
        email_field="email",
        export_fields=[
            "name",
            "email",
            "role",
            "organisation",
            "expertise",
            "languages",
            "availability",
            "consent_given",
            "consent_date",
            "created_at",
        ],
        anonymised_values={
            "name": ANONYMISED_NAME,
            "role": "",
            "expertise": "",
            "languages": "",
            "availability": "",
            "photo": None,
            "consent_given": False,
            "consent_date": None,
        },
        after_anonymise=forget_profiles,
    )
)


register(
    PersonalDataSource(
        model=JoinRequest,
        email_field="email",
        export_fields=[
            "first_name",
            "last_name",
            "email",
            "job_title",
            "organisation",
            "structure_name",
            "enterprise_number",
            "message",
            "status",
            "refusal_reason",
            "created_at",
            "confirmed_at",
            "decided_at",
        ],
        date_field="created_at",
        anonymised_values={
            "first_name": ANONYMISED_NAME,
            "last_name": "",
            "job_title": "",
            "message": "",
            "refusal_reason": "",
        },
        # A confirmed request still waiting for its decision is not old, whatever its date.
        keep=lambda: Q(status=JoinStatus.PENDING),
    )
)
