"""The readers' feedback inside a fiche's edit view: what the owning structure sees of it."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import Panel

from passerelles.localized import original_of

from .models import FeedbackReason, Question
from .votes import totals

RECENT_DAYS = 30
REASONS_SHOWN = 10


class ReadersFeedbackPanel(Panel):
    """Yes/no counts (30 days and in all), the latest "Pourquoi ?" and the questions waiting."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "knowledge/feedback/admin_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = original_of(self.instance)
            since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS - 1)
            questions = Question.objects.filter(page=page)
            context.update(
                recent=totals(page, since),
                overall=totals(page),
                recent_days=RECENT_DAYS,
                reasons=list(FeedbackReason.objects.filter(page=page)[:REASONS_SHOWN]),
                pending=questions.filter(status=Question.Status.PENDING).count(),
                unanswered=questions.filter(answer="").exclude(status=Question.Status.REFUSED).count(),
                questions_url=reverse("wagtailsnippets_knowledge_question:list"),
            )
            return context
