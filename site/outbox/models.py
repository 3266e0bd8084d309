"""One stored e-mail, with its attachments, and where it is in its delivery."""

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils.translation import gettext_lazy as _


class MailStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    SENDING = "sending", _("En cours d’envoi")
    SENT = "sent", _("Envoyé")
    FAILED = "failed", _("Échec")


class OutgoingMail(models.Model):
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=MailStatus.choices, default=MailStatus.PENDING, db_index=True
    )
    from_email = models.TextField(_("expéditeur"))
    to = models.JSONField(_("destinataires"), default=list)
    cc = models.JSONField(_("copie"), default=list, blank=True)
    bcc = models.JSONField(_("copie cachée"), default=list, blank=True)
    reply_to = models.JSONField(_("répondre à"), default=list, blank=True)
    # Every address in one lowercase text: searched in the admin, matched by the privacy registry.
    recipients = models.TextField(_("adresses"), db_index=True)
    subject = models.TextField(_("sujet"))
    body = models.TextField(_("texte"), blank=True)
    alternatives = models.JSONField(_("autres versions (HTML)"), default=list, blank=True)
    headers = models.JSONField(_("en-têtes"), default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    next_attempt_at = models.DateTimeField(_("prochain essai"), null=True, blank=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("dernier essai"), null=True, blank=True)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("courriel sortant")
        verbose_name_plural = _("courriels sortants")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    def attachment_names(self):
        return ", ".join(attachment.filename for attachment in self.attachments.all())

    attachment_names.short_description = _("pièces jointes")

    def as_email_message(self):
        """The message again, as Django's mail backends take it."""
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body,
            from_email=self.from_email,
            to=self.to,
            cc=self.cc,
            bcc=self.bcc,
            reply_to=self.reply_to,
            headers=self.headers,
            alternatives=[(content, mimetype) for content, mimetype in self.alternatives],
        )
        for attachment in self.attachments.all():
            message.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
        return message


class OutgoingAttachment(models.Model):
    mail = models.ForeignKey(OutgoingMail, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("nom du fichier"), max_length=255, blank=True)
    mimetype = models.CharField(_("type"), max_length=100, default="application/octet-stream")
    content = models.BinaryField(_("contenu"))

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.filename
