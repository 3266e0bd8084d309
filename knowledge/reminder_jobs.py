"""The freshness reminder (run by `manage.py send_reminders`): each owner of a fiche past its
review date, once per fiche and review date, with the one-click "toujours à jour" link."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.reminders.registry import register_job, register_kind
from passerelles.reminders.sending import send_once, stop_url, with_unsubscribe

from . import freshness

KIND = "knowledge.freshness"

register_kind(KIND, gettext_lazy("les rappels de relecture des fiches de votre structure"))


def send_freshness_reminders(now):
    pages = list(freshness.stale_pages().order_by("last_reviewed", "pk"))
    owners = freshness.owners_of(pages)
    sent = 0
    for page in pages:
        for user in owners[page.pk]:
            subject = f"user:{user.pk}"

            def build(page=page, user=user, subject=subject):
                url = stop_url(KIND, subject)
                context = {
                    "user": user,
                    "fiche": page,
                    "fiche_url": page.get_full_url(),
                    "still_current_url": freshness.still_current_url(page, user),
                    "stop_url": url,
                }
                message = EmailMessage(
                    _("Fiche à relire : %(title)s") % {"title": page.title},
                    render_to_string("knowledge/emails/freshness_reminder.txt", context),
                    to=[user.email],
                )
                return with_unsubscribe(message, url)

            key = f"{page.pk}:{page.last_reviewed.isoformat()}:{user.pk}"
            sent += send_once(KIND, key, build, stop_subject=subject)
    return sent


register_job("fiches-a-relire", send_freshness_reminders, order=50)
