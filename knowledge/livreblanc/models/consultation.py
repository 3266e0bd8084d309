"""What visitors send while an edition is open: one-click supports and moderated contributions."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CONTRIBUTION_MAX_LENGTH = 4000


class Support(models.Model):
    recommendation = models.ForeignKey(
        "livreblanc.RecommendationPage", related_name="supports", on_delete=models.CASCADE
    )
    # A hash of the session key: enough to count one support per browser, useless to identify anyone.
    browser = models.CharField(_("navigateur (empreinte)"), max_length=64)
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True)

    class Meta:
        verbose_name = _("soutien")
        verbose_name_plural = _("soutiens")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "browser"], name="livreblanc_one_support_per_browser"
            )
        ]

    def __str__(self):
        return f"{self.recommendation_id} · {self.created_at:%Y-%m-%d}"


class Contribution(models.Model):
    class Status(models.TextChoices):
        PENDING = "en-attente", _("En attente")
        APPROVED = "approuvee", _("Approuvée")
        REJECTED = "rejetee", _("Rejetée")

    recommendation = models.ForeignKey(
        "livreblanc.RecommendationPage",
        related_name="contributions",
        on_delete=models.CASCADE,
        verbose_name=_("recommandation"),
    )
    name = models.CharField(_("nom"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=160)
    email = models.EmailField(
        _("adresse e-mail"), blank=True, help_text=_("Jamais publiée ; sert seulement à répondre.")
    )
    text = models.TextField(_("contribution"), validators=[MaxLengthValidator(CONTRIBUTION_MAX_LENGTH)])
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)

    class Meta:
        verbose_name = _("contribution au livre blanc")
        verbose_name_plural = _("contributions au livre blanc")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.organisation})"
