"""A structure of the directory: type, agrément, address and coordinates, sectors and publics."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from passerelles.fragments import remembered
from passerelles.vocabularies.models import StructureType, Zone, canonical_choices
from passerelles.vocabularies.tagging import prefetch_tags

from ..ownership import OrganisationOwnedPage, OwnedPageForm
from ..suggestions import similar_organisations
from .people import Person
from .tagging import OrganisationPublic, OrganisationSector, PersonSector

# Wallonia and Brussels fit in this box: coordinates outside are a typo (often swapped lat/lon).
LATITUDE_RANGE = (49.4, 51.6)
LONGITUDE_RANGE = (2.4, 6.5)


class OrganisationPage(OrganisationOwnedPage, Page):
    # The registered identity and address stay as registered; only the presentation is translated.
    override_translatable_fields = [
        SynchronizedField(name)
        for name in ("agrement_number", "street_address", "postcode", "municipality", "phone")
    ] + [
        # Always the French (canonical) term, shown translated: see passerelles/vocabularies/labels.py.
        SynchronizedField("structure_type", overridable=False),
        SynchronizedField("zone", overridable=False),
    ]
    owner_lookup = "pk"  # a structure's page belongs to the structure itself
    base_form_class = OwnedPageForm

    structure_type = models.ForeignKey(
        StructureType,
        verbose_name=_("type de structure"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=canonical_choices,
    )
    agrement_number = models.CharField(
        _("numéro d'agrément"), max_length=60, blank=True, help_text=_("Par exemple : CISP 123/2024.")
    )
    street_address = models.CharField(_("adresse (rue et numéro)"), max_length=200)
    postcode = models.CharField(
        _("code postal"),
        max_length=4,
        validators=[RegexValidator(r"^\d{4}$", _("Le code postal belge compte quatre chiffres."))],
    )
    municipality = models.CharField(_("commune"), max_length=100)
    zone = models.ForeignKey(
        Zone,
        verbose_name=_("zone"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=canonical_choices,
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("En degrés décimaux, par exemple 50.4669 pour Namur. Laissez vide : pas de carte."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("En degrés décimaux, par exemple 4.8675 pour Namur."),
    )
    sectors = ClusterTaggableManager(through=OrganisationSector, blank=True, verbose_name=_("secteurs"))
    publics = ClusterTaggableManager(through=OrganisationPublic, blank=True, verbose_name=_("publics"))
    website = models.URLField(_("site web"), blank=True)
    phone = models.CharField(_("téléphone de la structure"), max_length=40, blank=True)
    description = RichTextField(
        _("présentation"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("structure_type"), FieldPanel("agrement_number")], heading=_("Identité")),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")]),
                FieldPanel("zone"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Adresse"),
        ),
        FieldPanel("sectors"),
        FieldPanel("publics"),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("phone")], heading=_("Contact de la structure")),
        FieldPanel("description"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("municipality"),
        index.SearchField("agrement_number"),
        index.AutocompleteField("municipality"),
    ]
    parent_page_types = ["network.DirectoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Indiquez la latitude et la longitude, ou aucune des deux."
            )
        if self.latitude is not None and not LATITUDE_RANGE[0] <= float(self.latitude) <= LATITUDE_RANGE[1]:
            errors["latitude"] = _(
                "Cette latitude est hors de Wallonie et de Bruxelles (entre 49,4 et 51,6)."
            )
        if (
            self.longitude is not None
            and not LONGITUDE_RANGE[0] <= float(self.longitude) <= LONGITUDE_RANGE[1]
        ):
            errors["longitude"] = _(
                "Cette longitude est hors de Wallonie et de Bruxelles (entre 2,4 et 6,5)."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def public_people(self):
        return (
            Person.objects.public()
            .filter(organisation=self)
            .select_related("organisation__zone", "photo")
            .prefetch_related(*prefetch_tags(PersonSector), "formats")
            .order_by("name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What the page shows besides its own fields changes only with a publication or a saved
        # person: remembered per language until then.
        context.update(
            remembered(
                "organisation-page",
                self.pk,
                request.get_host(),
                translation.get_language(),
                build=lambda: self._shown_with(request),
            )
        )
        return context

    def _shown_with(self, request):
        directory = self.get_parent().specific  # the directory (parent_page_types)
        people = list(self.public_people())
        directory.attach_profile_urls(people, request)
        return {
            "directory": directory,
            "people": people,
            "sector_tags": [item.tag for item in self.sector_items.select_related("tag")],
            "public_tags": [item.tag for item in self.public_items.select_related("tag")],
            "similar": similar_organisations(self),
        }
