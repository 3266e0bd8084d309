"""Meetup requests and registrations counted when they are made (connected in apps.ready).

A meetup request counts for the compagnon's structure (its page); a registration for the event
page, whose structure is its host (`host_organisation`) in the reports.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from network.events.models import Registration
from network.models import MeetupRequest

from .counting import count
from .models import UsageKind


@receiver(post_save, sender=MeetupRequest, dispatch_uid="usage_meetup_request")
def count_meetup_request(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.person_id:
        count(instance.person.organisation_id, UsageKind.MEETUP)


@receiver(post_save, sender=Registration, dispatch_uid="usage_registration")
def count_registration(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        count(instance.event_id, UsageKind.REGISTRATION)
