"""Signals that notify followers of a recommendation. The white paper sends its usual signals
(page published, contribution saved); it never imports alerts."""

from django.db.models.signals import post_save
from wagtail.signals import page_published

from knowledge.livreblanc.models.consultation import Contribution
from knowledge.livreblanc.models.recommendation import RecommendationPage

from . import recommendations


def recommendation_published(sender, instance, **kwargs):
    recommendations.notify_new_steps(instance)


def contribution_saved(sender, instance, **kwargs):
    recommendations.notify_contribution(instance)


page_published.connect(
    recommendation_published, sender=RecommendationPage, dispatch_uid="alerts-recommendation"
)
post_save.connect(contribution_saved, sender=Contribution, dispatch_uid="alerts-contribution")
