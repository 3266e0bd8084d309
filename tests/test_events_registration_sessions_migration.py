"""The data migration that put each existing registration (made to a whole series) on one date."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from network.events.models import EventSchedule, Registration
from tests.factories_events import (
    AgendaPageFactory,
    CalendarPageFactory,
    EventPageFactory,
    RegistrationFactory,
    in_days,
)

pytestmark = pytest.mark.django_db
migration = importlib.import_module(
    "network.events.migrations.0006_registration_per_occurrence_and_notified_schedule"
)


def test_each_registration_goes_to_the_first_date_after_it_was_made(home):
    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home))
    series = EventPageFactory(parent=calendar, start=in_days(-14), recurrence="WEEKLY", recurrence_count=10)
    one_off = EventPageFactory(parent=calendar, start=in_days(5))
    early = RegistrationFactory(event=series)
    late = RegistrationFactory(event=series)
    single = RegistrationFactory(event=one_off)
    Registration.objects.filter(pk=early.pk).update(created_at=in_days(-20))
    Registration.objects.filter(pk=late.pk).update(created_at=timezone.now())
    Registration.objects.update(occurrence_start=in_days(100))  # what no date was before

    migration.register_each_to_a_session(apps, None)

    sessions = dict(Registration.objects.values_list("pk", "occurrence_start"))
    assert sessions[early.pk] == series.start
    assert sessions[late.pk] > timezone.now() - datetime.timedelta(hours=2)
    assert sessions[late.pk] in [occurrence.start for occurrence in series.occurrences()]
    assert sessions[late.pk] - timezone.now() < datetime.timedelta(days=7)
    assert sessions[single.pk] == one_off.start
    assert EventSchedule.objects.filter(event__in=[series, one_off], sequence=0).count() == 2
