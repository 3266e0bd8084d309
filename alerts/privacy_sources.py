"""Subscriptions in the personal-data registry: exported with the person's data, deleted on
erasure (an address without its subscription is worth nothing), and a request never confirmed
is deleted once its link has expired: nobody agreed to anything."""

from datetime import timedelta

from django.utils import timezone

from passerelles.privacy import PersonalDataSource, register

from .models import Subscription
from .tokens import CONFIRM_MAX_AGE


class Subscriptions(PersonalDataSource):
    def records_of(self, email):
        return Subscription.objects.filter(email__iexact=email.strip())

    def expired(self, now=None):
        now = now or timezone.now()
        return Subscription.objects.filter(
            confirmed_at=None, created_at__lt=now - timedelta(seconds=CONFIRM_MAX_AGE)
        )

    def anonymise(self, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        Subscription.objects.filter(pk__in=pks).delete()
        return len(pks)


register(
    Subscriptions(
        model=Subscription,
        email_field="email",
        export_fields=[
            "kind",
            "page",
            "query",
            "language",
            "frequency",
            "created_at",
            "confirmed_at",
            "last_digest_at",
        ],
    )
)
