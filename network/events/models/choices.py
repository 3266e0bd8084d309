"""Choice lists of events, shared by the page models, the listings and the views."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    NETWORKING = "reseautage", _("Réseautage")
    CONCERTATION = "concertation", _("Concertation")
    VISIT = "visite", _("Visite")
    VALIDATION = "validation-competences", _("Validation des compétences")
    INFORMATION = "seance-information", _("Séance d’information")
    TRAINING = "formation", _("Formation")


class RegistrationMode(models.TextChoices):
    SITE = "site", _("Inscription sur Passerelles")
    EXTERNAL = "externe", _("Lien d’inscription externe")
    NONE = "aucune", _("Sans inscription")
