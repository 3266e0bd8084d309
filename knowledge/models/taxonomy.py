"""The shared vocabularies: sectors, publics, themes (obstacles), structure types and zones.

They are django-taggit tag models curated by moderators in the admin (`free_tagging = False`:
editors pick existing values with autocomplete and cannot invent new ones). Slugs are stable and
used in filter URLs (`?secteur=reparation-velos`), so renaming a label never breaks a shared link.

Terms are translatable snippets (wagtail-localize): the French term is the canonical one, the
only one items are tagged with and filters list; its translations share its slug and
`translation_key` and only give it a label and a description in another language
(see knowledge/taxonomy_labels.py for how labels are shown).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import NaturalKeyManager, TagBase
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from ..taxonomy_labels import default_language, label_of


def canonical_choices():
    """`limit_choices_to` of a foreign key to a term: only the French, canonical terms."""
    return Q(locale__language_code=default_language())


class TermQuerySet(models.QuerySet):
    def canonical(self):
        """The terms in the default language: what items are tagged with and filters list."""
        return self.filter(canonical_choices())


class TermManager(NaturalKeyManager.from_queryset(TermQuerySet)):
    pass


class TranslatableTerm(TranslatableMixin):
    """A vocabulary value translatable with wagtail-localize; its slug is shared by its translations."""

    # Translators translate the label (and description); the slug stays the filter URL value.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    natural_key_fields = ["slug", "locale_id"]

    objects = TermManager()

    class Meta(TranslatableMixin.Meta):
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"],
                name="%(app_label)s_%(class)s_unique_slug_per_locale",
                violation_error_message=_("Un autre terme de cette langue porte déjà cet identifiant."),
            ),
            models.UniqueConstraint(
                fields=["locale", "name"],
                name="%(app_label)s_%(class)s_unique_name_per_locale",
                violation_error_message=_("Un autre terme de cette langue porte déjà ce nom."),
            ),
        ]

    def validate_constraints(self, exclude=None):
        """Check the per-language uniqueness in admin forms too, and report it on the field concerned.

        Admin forms never show `locale`, so Django would skip these constraints and the save would
        fail with a database error; the instance always knows its locale.
        """
        exclude = set(exclude or ()) - {"locale"}
        errors = {}
        for constraint in self._meta.constraints:
            try:
                constraint.validate(type(self), self, exclude=exclude)
            except ValidationError as error:
                (field,) = set(constraint.fields) - {"locale"}
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The label in the visitor's language (French when not translated)."""
        return label_of(self)


class Vocabulary(TranslatableTerm, TagBase):
    """A curated vocabulary value: a label, a stable slug, an optional description."""

    free_tagging = False
    # Query-string parameter naming this vocabulary in filter URLs, e.g. ?secteur=numerique.
    url_parameter = None

    # Unique per language (see TranslatableTerm.Meta), no longer globally: translations share the slug.
    name = models.CharField(_("nom"), max_length=100)
    slug = models.SlugField(
        _("identifiant"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Utilisé dans les adresses des filtres (?secteur=…) ; le même dans toutes les langues."),
    )
    description = models.CharField(_("description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = TermManager()

    class Meta(TranslatableTerm.Meta):
        abstract = True
        ordering = ["sort_order", "name"]


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
