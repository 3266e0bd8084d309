"""A subscription of one e-mail address to a listing, a search or a recommendation, and the
digests already sent for it (so a restarted run never sends the same digest twice)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Dès qu’il y a du nouveau")
    WEEKLY = "weekly", _("Une fois par semaine")
    MONTHLY = "monthly", _("Une fois par mois")


class Kind(models.TextChoices):
    LISTING = "listing", _("Liste filtrée")
    SEARCH = "search", _("Recherche")
    RECOMMENDATION = "recommendation", _("Recommandation du livre blanc")


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)


class Subscription(models.Model):
    email = models.EmailField(_("adresse e-mail"), db_index=True)
    kind = models.CharField(_("sorte"), max_length=20, choices=Kind.choices, default=Kind.LISTING)
    # The French original of the followed listing or recommendation (none for the search).
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page suivie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    query = models.TextField(_("filtres"), blank=True, help_text=_("La chaîne de requête normalisée."))
    language = models.CharField(_("langue"), max_length=10, default="fr")
    frequency = models.CharField(
        _("fréquence"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    # The consent: the date the person clicked the confirmation link. Nothing is sent before.
    confirmed_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True, db_index=True)
    # What the next digest starts from (the confirmation, then the end of the last digest).
    last_digest_at = models.DateTimeField(_("dernier envoi"), null=True, blank=True)
    # Recommendations: the timeline entries and contributions already notified.
    seen = models.JSONField(_("déjà signalé"), default=list, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement aux alertes")
        verbose_name_plural = _("abonnements aux alertes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "kind", "page", "query"],
                name="alerts_one_subscription_per_address_and_listing",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.get_frequency_display()}"


class SentDigest(models.Model):
    """One digest sent: written in the same transaction as the outbox mail, so either both are
    kept or neither, and the (subscription, period end) pair is unique."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="digests")
    period_start = models.DateTimeField(_("depuis"))
    period_end = models.DateTimeField(_("jusqu’au"))
    item_count = models.PositiveIntegerField(_("éléments"), default=0)
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("lettre envoyée")
        verbose_name_plural = _("lettres envoyées")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "period_end"], name="alerts_one_digest_per_period"
            )
        ]

    def __str__(self):
        return f"{self.subscription_id} · {self.period_end:%Y-%m-%d %H:%M}"
