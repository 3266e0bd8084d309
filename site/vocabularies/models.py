"""The shared vocabularies: sectors, publics, themes (obstacles), structure types, zones, and
the formats of a meetup with a compagnon.

The five vocabularies are django-taggit tag models curated by moderators in the admin
(`free_tagging = False`: editors pick existing values with autocomplete and cannot invent new
ones). Slugs are stable and used in filter URLs (`?secteur=reparation-velos`), so renaming a
label never breaks a shared link.

Terms are translatable snippets (wagtail-localize): the French term is the canonical one, the
only one items are tagged with and filters list; its translations share its slug and
`translation_key` and only give it a label and a description in another language
(see labels.py for how labels are shown).

The tables keep the names they had when the terms belonged to the knowledge and network apps.
"""

from math import asin, cos, radians, sin, sqrt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import NaturalKeyManager, TagBase
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from .labels import default_language, label_of


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
    # The heading of this vocabulary's facet in every listing and in the search.
    facet_label = None

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
    facet_label = _("Secteur")

    class Meta(Vocabulary.Meta):
        db_table = "knowledge_sector"
        verbose_name = _("secteur")
        verbose_name_plural = _("secteurs")


class Public(Vocabulary):
    url_parameter = "public"
    facet_label = _("Public")

    class Meta(Vocabulary.Meta):
        db_table = "knowledge_public"
        verbose_name = _("public")
        verbose_name_plural = _("publics")


class Theme(Vocabulary):
    """An obstacle on the path to work (mobilité, logement, endettement...)."""

    url_parameter = "theme"
    facet_label = _("Thème")

    class Meta(Vocabulary.Meta):
        db_table = "knowledge_theme"
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")


class StructureType(Vocabulary):
    url_parameter = "structure"
    facet_label = _("Type de structure")

    class Meta(Vocabulary.Meta):
        db_table = "knowledge_structuretype"
        verbose_name = _("type de structure")
        verbose_name_plural = _("types de structure")


class Zone(Vocabulary):
    """Brussels and the Walloon provinces; the centroid lets us sort peers nearest first."""

    url_parameter = "zone"
    facet_label = _("Zone")

    latitude = models.DecimalField(
        _("latitude du centre"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude du centre"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    class Meta(Vocabulary.Meta):
        db_table = "knowledge_zone"
        verbose_name = _("zone")
        verbose_name_plural = _("zones")

    def distance_km(self, other):
        """Great-circle distance between two zone centres, in km (None when one is unknown)."""
        if None in (self.latitude, self.longitude, other.latitude, other.longitude):
            return None
        lat1, lon1, lat2, lon2 = map(
            radians, map(float, (self.latitude, self.longitude, other.latitude, other.longitude))
        )
        a = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
        return 2 * 6371 * asin(sqrt(a))


class MeetupFormat(TranslatableTerm):
    """A way to meet a compagnon: visite sur site, appel, journée d'immersion...

    Translatable like the vocabularies: people are given the French format, shown translated.
    """

    url_parameter = "format"
    facet_label = _("Format de rencontre")

    # Unique per language (see TranslatableTerm.Meta): translations share the slug.
    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(_("identifiant"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta(TranslatableTerm.Meta):
        db_table = "network_meetupformat"
        ordering = ["sort_order", "name"]
        verbose_name = _("format de rencontre")
        verbose_name_plural = _("formats de rencontre")


VOCABULARIES = [Sector, Public, Theme, StructureType, Zone]
