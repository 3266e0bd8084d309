"""People registered to an event, confirmed or waiting for a freed place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmee", _("Inscription confirmée")
    WAITING = "attente", _("Liste d’attente")
    CANCELLED = "annulee", _("Annulée")


class Registration(models.Model):
    """Never shown in public: names and e-mail addresses are for the coordinators only."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("événement"),
        related_name="registrations",
        on_delete=models.CASCADE,
    )
    # The session registered to: the event's start, or one date of a recurring event (each
    # session has its own places and waiting list).
    occurrence_start = models.DateTimeField(_("séance du"))
    name = models.CharField(_("nom"), max_length=120)
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    organisation = models.CharField(_("structure"), max_length=200, blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["event", "status", "created_at"]),
            models.Index(fields=["event", "occurrence_start", "status"]),
        ]

    def __str__(self):
        return f"{self.name} — {self.event.title}"

    def save(self, *args, **kwargs):
        if self.occurrence_start is None:  # a one-off event has one session: the event itself
            self.occurrence_start = self.event.start
        super().save(*args, **kwargs)


class EventSchedule(models.Model):
    """What registrants were last told of an event (when, where, cancelled) and the iCalendar
    SEQUENCE of that version: a publication that changes it notifies them with SEQUENCE + 1.
    Kept beside the page, not in it: publishing an older revision must not lower the sequence."""

    event = models.OneToOneField(
        "events.EventPage", verbose_name=_("événement"), related_name="schedule", on_delete=models.CASCADE
    )
    sequence = models.PositiveIntegerField(_("version (SEQUENCE iCalendar)"), default=0)
    fingerprint = models.JSONField(_("dates, lieu et statut notifiés"), default=dict)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("version notifiée d’un événement")
        verbose_name_plural = _("versions notifiées des événements")

    def __str__(self):
        return f"{self.event_id} v{self.sequence}"
