"""Joining the network: who coordinates which zone, and the requests of staff to join a structure.

A request names an existing structure of the directory, or describes a new one (its Belgian
enterprise number checked). It waits for the visitor to confirm their e-mail address, then for a
coordinator of its zone (administrators everywhere) to approve or refuse it, once.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from passerelles.vocabularies.models import StructureType, Zone, canonical_choices


class ZoneCoordinator(models.Model):
    """A coordinator of a zone decides the join requests of that zone's structures."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="coordinated_zones",
    )
    zone = models.ForeignKey(
        Zone,
        verbose_name=_("zone"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=canonical_choices,
    )

    class Meta:
        verbose_name = _("coordination de zone")
        verbose_name_plural = _("coordinations de zone")
        constraints = [models.UniqueConstraint(fields=["user", "zone"], name="unique_zone_coordinator")]

    def __str__(self):
        return f"{self.user} — {self.zone}"


class JoinStatus(models.TextChoices):
    UNCONFIRMED = "a_confirmer", _("Adresse à confirmer")
    PENDING = "en_attente", _("En attente de décision")
    APPROVED = "acceptee", _("Acceptée")
    REFUSED = "refusee", _("Refusée")


class JoinRequest(models.Model):
    organisation = models.ForeignKey(
        "network.OrganisationPage",
        verbose_name=_("structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La structure de l’annuaire ; pour une nouvelle structure, sa page en brouillon."),
    )
    # A new structure, as the visitor described it.
    structure_name = models.CharField(_("nom de la nouvelle structure"), max_length=200, blank=True)
    structure_type = models.ForeignKey(
        StructureType,
        verbose_name=_("type de structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enterprise_number = models.CharField(_("numéro d’entreprise (BCE)"), max_length=12, blank=True)
    street_address = models.CharField(_("adresse (rue et numéro)"), max_length=200, blank=True)
    postcode = models.CharField(_("code postal"), max_length=4, blank=True)
    municipality = models.CharField(_("commune"), max_length=100, blank=True)
    zone = models.ForeignKey(
        Zone,
        verbose_name=_("zone"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Les coordinateurs de cette zone décident de la demande."),
    )
    # The person.
    first_name = models.CharField(_("prénom"), max_length=150)
    last_name = models.CharField(_("nom"), max_length=150)
    email = models.EmailField(_("adresse e-mail professionnelle"), max_length=254)
    job_title = models.CharField(_("fonction"), max_length=150)
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("langue"), max_length=8, default="fr")
    # The life of the request.
    status = models.CharField(
        _("état"), max_length=12, choices=JoinStatus.choices, default=JoinStatus.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refusal_reason = models.TextField(_("motif du refus"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte créé"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("demande d’adhésion")
        verbose_name_plural = _("demandes d’adhésion")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} — {self.structure_label}"

    @property
    def structure_label(self):
        if self.organisation_id and not self.structure_name:
            return self.organisation.title
        return self.structure_name

    @property
    def is_new_structure(self):
        return bool(self.structure_name)
