"""The shared vocabularies: sectors, publics, themes (obstacles), structure types and zones.

They are django-taggit tag models curated by moderators in the admin (`free_tagging = False`:
editors pick existing values with autocomplete and cannot invent new ones). Slugs are stable and
used in filter URLs (`?secteur=reparation-velos`), so renaming a label never breaks a shared link.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase


class Vocabulary(TagBase):
    """A curated vocabulary value: a French label, a stable slug, an optional description."""

    free_tagging = False
    # Query-string parameter naming this vocabulary in filter URLs, e.g. ?secteur=numerique.
    url_parameter = None

    description = models.CharField(_("description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Sector(Vocabulary):
    url_parameter = "secteur"

    class Meta(Vocabulary.Meta):
        verbose_name = _("secteur")
        verbose_name_plural = _("secteurs")


class Public(Vocabulary):
    url_parameter = "public"

    class Meta(Vocabulary.Meta):
        verbose_name = _("public")
        verbose_name_plural = _("publics")


class Theme(Vocabulary):
    """An obstacle on the path to work (mobilité, logement, endettement...)."""

    url_parameter = "theme"

    class Meta(Vocabulary.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")


class StructureType(Vocabulary):
    url_parameter = "structure"

    class Meta(Vocabulary.Meta):
        verbose_name = _("type de structure")
        verbose_name_plural = _("types de structure")


class Zone(Vocabulary):
    """Brussels and the Walloon provinces; the centroid lets us sort peers nearest first."""

    url_parameter = "zone"

    latitude = models.DecimalField(
        _("latitude du centre"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude du centre"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("zone")
        verbose_name_plural = _("zones")

    def distance_km(self, other):
        """Great-circle distance between two zone centres, in km (None when one is unknown)."""
        from math import asin, cos, radians, sin, sqrt

        if None in (self.latitude, self.longitude, other.latitude, other.longitude):
            return None
        lat1, lon1, lat2, lon2 = map(
            radians, map(float, (self.latitude, self.longitude, other.latitude, other.longitude))
        )
        a = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
        return 2 * 6371 * asin(sqrt(a))


VOCABULARIES = [Sector, Public, Theme, StructureType, Zone]
