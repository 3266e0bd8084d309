"""The two kinds of knowledge item, stored on the shared base page for filters and counts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    FICHE = "fiche", _("Fiche action")
    PRATIQUE = "pratique", _("Bonne pratique")
