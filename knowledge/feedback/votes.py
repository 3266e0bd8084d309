"""Counting "Cette fiche vous a-t-elle été utile ?": one vote per page, client and day.

No cookie and nothing that identifies anyone is kept: the client address, the page and the day
are hashed with the secret key into a receipt that lives until the next day. The counts are per
page and day, yes and no, on the French original (every language counts for the same fiche).
"""

import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from passerelles.client_ip import client_ip

from .models import DailyHelpfulness, VoteReceipt


def receipt_digest(request, page, day):
    raw = "|".join([settings.SECRET_KEY, "fiche-utile", client_ip(request), str(page.pk), day.isoformat()])
    return hashlib.sha256(raw.encode()).hexdigest()


def record_vote(request, page, helpful):
    """Counts the vote unless this client already voted on this page today; True when counted."""
    day = timezone.localdate()
    digest = receipt_digest(request, page, day)
    VoteReceipt.objects.filter(day__lt=day).delete()  # yesterday's receipts are of no use
    try:
        with transaction.atomic():
            VoteReceipt.objects.create(digest=digest, day=day)
            counts, _created = DailyHelpfulness.objects.get_or_create(page=page, day=day)
            field = "yes" if helpful else "no"
            DailyHelpfulness.objects.filter(pk=counts.pk).update(**{field: F(field) + 1})
    except IntegrityError:  # the receipt exists: already counted (or two clicks at once)
        return False
    return True


def totals(page, since=None):
    """{"yes": n, "no": m} for the page, all days or from `since` on."""
    days = DailyHelpfulness.objects.filter(page=page)
    if since is not None:
        days = days.filter(day__gte=since)
    result = days.aggregate(yes=Sum("yes"), no=Sum("no"))
    return {"yes": result["yes"] or 0, "no": result["no"] or 0}
