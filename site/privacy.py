"""Personal data held by Passerelles: one registry, used to export and to erase or anonymise it.

Each app registers the models that hold data about a person (meetup requests, registrations,
white-paper contributions, compagnons) with the field holding the e-mail address, the fields to
export, how to anonymise a record, and the date after which a record is old enough to anonymise.
`manage.py export_personal_data EMAIL` and `manage.py anonymise_personal_data` read the registry.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

ANONYMISED_EMAIL = "anonyme@invalid"
ANONYMISED_NAME = "Personne anonymisée"


@dataclass
class PersonalDataSource:
    model: type
    email_field: str
    export_fields: list
    date_field: str | None = None  # records older than the retention period are anonymised
    anonymised_values: dict = field(default_factory=dict)
    keep: callable = None  # optional: returns a Q() of records never anonymised (e.g. still pending)
    erasable: bool = True  # False: exported, but removed by an administrator (user accounts)
    after_anonymise: callable = None  # optional: called with the pks, e.g. to drop revisions

    @property
    def label(self):
        return str(self.model._meta.verbose_name_plural)

    def records_of(self, email):
        return self.model.objects.filter(**{f"{self.email_field}__iexact": email})

    def export(self, email):
        return [
            {name: _plain(getattr(record, name)) for name in self.export_fields}
            for record in self.records_of(email)
        ]

    def expired(self, now=None):
        if not self.date_field:
            return self.model.objects.none()
        limit = (now or timezone.now()) - timedelta(days=retention_days())
        queryset = self.model.objects.filter(**{f"{self.date_field}__lt": limit}).exclude(
            **{self.email_field: ANONYMISED_EMAIL}
        )
        return queryset.exclude(self.keep()) if self.keep else queryset

    def anonymise(self, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        values = {self.email_field: ANONYMISED_EMAIL, **self.anonymised_values}
        count = self.model.objects.filter(pk__in=pks).update(**values)
        if self.after_anonymise and pks:
            self.after_anonymise(pks)
        return count


_REGISTRY = []


def register(source):
    if all(existing.model is not source.model for existing in _REGISTRY):
        _REGISTRY.append(source)
    return source


def sources():
    return list(_REGISTRY)


def retention_days():
    return int(getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", 365 * 2))


def export_person(email):
    """Everything held about the person with this e-mail address, by kind of record."""
    return {source.label: source.export(email) for source in _REGISTRY if source.records_of(email).exists()}


def erase_person(email):
    """Anonymises every record of that person at once (right to erasure); returns counts."""
    return {
        source.label: source.anonymise(source.records_of(email)) for source in _REGISTRY if source.erasable
    }


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
