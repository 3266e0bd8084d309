"""Followers of a white-paper recommendation: a notice at each new step of its timeline (status,
date, note) and for each contribution published on it.

What each follower was already told is kept on the subscription (`seen`, keys of timeline steps
and contributions), updated in the transaction that stores the notice: publishing twice, or a
worker restarted, never tells the same step twice. Confirming a follow marks everything already
there as seen: a follower hears about what happens next.
"""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from knowledge.livreblanc.models.consultation import Contribution
from passerelles.localized import original_of

from . import mails
from .models import Kind, Subscription


def step_key(change):
    return f"s:{change.status}:{change.date.isoformat()}"


def contribution_key(contribution):
    return f"c:{contribution.pk}"


def current_keys(recommendation):
    steps = [step_key(change) for change in recommendation.status_changes.all()]
    published = recommendation.contributions.filter(status=Contribution.Status.APPROVED).values_list(
        "pk", flat=True
    )
    return steps + [f"c:{pk}" for pk in published]


def followers(recommendation):
    return Subscription.objects.confirmed().filter(kind=Kind.RECOMMENDATION, page=recommendation)


def notify_new_steps(recommendation):
    """Tells each follower about the timeline steps they have not heard of; returns mails sent."""
    recommendation = original_of(recommendation)
    timeline = recommendation.timeline()
    sent = 0
    for subscription in followers(recommendation):
        sent += _notify(subscription, recommendation, [(step_key(c), c) for c in timeline], "step")
    return sent


def notify_contribution(contribution):
    if contribution.status != Contribution.Status.APPROVED:
        return 0
    recommendation = contribution.recommendation
    sent = 0
    for subscription in followers(recommendation):
        sent += _notify(
            subscription, recommendation, [(contribution_key(contribution), contribution)], "contribution"
        )
    return sent


def _notify(subscription, recommendation, keyed, template):
    with transaction.atomic():
        # Re-read under lock: two publications at once must not both tell the same step.
        subscription = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
        if subscription is None:
            return 0
        new = [(key, item) for key, item in keyed if key not in subscription.seen]
        if not new:
            return 0
        subscription.seen = subscription.seen + [key for key, _item in new]
        subscription.save(update_fields=["seen"])
        with translation.override(subscription.language):
            shown = (
                recommendation.get_translation_or_none(_locale_of(subscription.language)) or recommendation
            )
            if not shown.live:
                shown = recommendation
            context = {
                "recommendation": shown,
                "recommendation_url": shown.get_full_url(),
                "items": [item for _key, item in new],
                "current": recommendation.current_status,
            }
            if template == "step":
                subject = _("Du nouveau pour la recommandation « %(title)s »") % {"title": shown.title}
            else:
                subject = _("Nouvelle contribution sur « %(title)s »") % {"title": shown.title}
        mails.build(subscription, f"recommendation_{template}", subject, context).send()
    return 1


def _locale_of(language):
    return Locale.objects.filter(language_code=language).first()
