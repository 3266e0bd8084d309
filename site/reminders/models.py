"""What was sent (so nothing is sent twice) and who asked to stop which reminder."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """One reminder sent: `kind` ("events.reminder") and `key` (what it was about, e.g. a
    registration and its session) are unique together, so the same reminder cannot go twice."""

    kind = models.CharField(_("type de rappel"), max_length=60)
    key = models.CharField(_("objet"), max_length=200)
    recipient = models.EmailField(_("destinataire"), max_length=254, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("rappel envoyé")
        verbose_name_plural = _("rappels envoyés")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="reminder_sent_once")]

    def __str__(self):
        return f"{self.kind} {self.key}"


class ReminderOptOut(models.Model):
    """Someone stopped one kind of reminder for one subject (a registration, an account…)."""

    kind = models.CharField(_("type de rappel"), max_length=60)
    subject = models.CharField(_("pour"), max_length=200)
    created_at = models.DateTimeField(_("le"), auto_now_add=True)

    class Meta:
        verbose_name = _("rappel arrêté")
        verbose_name_plural = _("rappels arrêtés")
        constraints = [models.UniqueConstraint(fields=["kind", "subject"], name="reminder_opt_out_once")]

    def __str__(self):
        return f"{self.kind} {self.subject}"
