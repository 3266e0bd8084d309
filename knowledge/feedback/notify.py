"""The asker learns by e-mail (through the outbox) that their question is published with its answer."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Question


def notify_asker_if_due(question):
    """Once per question: when it is public and answered. Returns True when a mail went out."""
    if not (question.is_public and question.answer.strip()):
        return False
    # Claimed in one UPDATE: two saves at once send one mail (update() bumps no cache either).
    claimed = Question.objects.filter(pk=question.pk, asker_notified_at__isnull=True).update(
        asker_notified_at=timezone.now()
    )
    if not claimed:
        return False
    page = question.page.specific
    with translation.override(question.language or "fr"):
        shown = page.localized
        context = {
            "question": question,
            "fiche": shown,
            "fiche_url": f"{shown.get_full_url()}#questions",
            "organisation": page.organisation.title if page.organisation_id else "",
        }
        subject = _("Réponse à votre question sur « %(title)s »") % {"title": shown.title}
        body = render_to_string("knowledge/emails/question_answered.txt", context)
    send_mail(subject[:200], body, None, [question.email])
    return True
