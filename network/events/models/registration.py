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
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} — {self.event.title}"
