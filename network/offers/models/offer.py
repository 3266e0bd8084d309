"""One offer for trainees: a formation, a stage or an emploi d'insertion."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.ownership import OrganisationOwnedPage, OwnedPageForm
from passerelles.fragments import remembered

from ..blocks import TestimonialStreamBlock
from ..validators import belgian_postcode, no_email_address, phone_number
from .tagging import OfferPublic, OfferSector, OfferZone


class OfferKind(models.TextChoices):
    FORMATION = "formation", _("Formation")
    STAGE = "stage", _("Stage")
    EMPLOI = "emploi-insertion", _("Emploi d'insertion")


class OfferPage(OrganisationOwnedPage, Page):
    # Where and whom to call stay as they are; conditions, duration and pay are translated.
    override_translatable_fields = [
        SynchronizedField(name) for name in ("street_address", "postcode", "municipality", "apply_phone")
    ]
    base_form_class = OwnedPageForm

    kind = models.CharField(_("type d'offre"), max_length=20, choices=OfferKind.choices)
    summary = models.TextField(
        _("résumé"),
        max_length=600,
        validators=[no_email_address],
        help_text=_("En deux ou trois phrases simples : ce que la personne apprend ou fait."),
    )
    sectors = ClusterTaggableManager(
        through=OfferSector, blank=True, verbose_name=_("secteurs"), related_name="offer_pages"
    )
    publics = ClusterTaggableManager(
        through=OfferPublic, blank=True, verbose_name=_("publics"), related_name="offer_pages"
    )
    zones = ClusterTaggableManager(
        through=OfferZone, blank=True, verbose_name=_("zone"), related_name="offer_pages"
    )

    who_can_apply = models.TextField(
        _("qui peut postuler ?"),
        blank=True,
        validators=[no_email_address],
        help_text=_(
            "Ex. « demandeur ou demandeuse d'emploi inscrit·e au Forem ou chez Actiris, 18 ans ou plus »."
        ),
    )
    prerequisites = models.TextField(
        _("prérequis"),
        blank=True,
        validators=[no_email_address],
        help_text=_("Ce qu'il faut savoir ou avoir avant d'entrer ; « aucun » est une bonne réponse."),
    )
    duration = models.CharField(_("durée"), max_length=80, blank=True, help_text=_("Ex. « 12 semaines »."))
    hours_per_week = models.DecimalField(
        _("heures par semaine"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    start_date = models.DateField(_("date de début"), null=True, blank=True)
    end_date = models.DateField(
        _("date de fin"),
        null=True,
        blank=True,
        help_text=_("Après cette date, l'offre est marquée « terminée » et sort de la liste par défaut."),
    )
    permanent_entry = models.BooleanField(
        _("entrées permanentes"), default=False, help_text=_("On peut commencer à tout moment.")
    )

    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("code postal"), max_length=4, blank=True, validators=[belgian_postcode])
    municipality = models.CharField(_("commune"), max_length=100, blank=True)

    remuneration = models.TextField(
        _("rémunération, indemnités"),
        blank=True,
        validators=[no_email_address],
        help_text=_("Ex. « 1 € brut de l'heure en CISP + frais de déplacement »."),
    )
    how_to_apply = models.TextField(
        _("comment postuler ?"),
        blank=True,
        validators=[no_email_address],
        help_text=_(
            "Les étapes (séance d'information, entretien...). Jamais l'adresse e-mail d'une personne."
        ),
    )
    apply_url = models.URLField(_("lien pour postuler"), blank=True)
    apply_phone = models.CharField(
        _("téléphone de la structure"), max_length=30, blank=True, validators=[phone_number]
    )
    organisation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("structure qui propose l'offre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    testimonials = StreamField(
        TestimonialStreamBlock(), verbose_name=_("témoignages d'anciens stagiaires"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        PageChooserPanel("organisation", "network.OrganisationPage"),
        MultiFieldPanel(
            [FieldPanel("sectors"), FieldPanel("publics"), FieldPanel("zones")], heading=_("Classement")
        ),
        MultiFieldPanel(
            [FieldPanel("who_can_apply"), FieldPanel("prerequisites")], heading=_("Conditions d'accès")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration"), FieldPanel("hours_per_week")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("permanent_entry"),
            ],
            heading=_("Durée et dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("municipality")]),
            ],
            heading=_("Lieu"),
        ),
        FieldPanel("remuneration"),
        MultiFieldPanel(
            [FieldPanel("how_to_apply"), FieldPanel("apply_url"), FieldPanel("apply_phone")],
            heading=_("Postuler"),
        ),
        FieldPanel("testimonials"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("who_can_apply"),
        index.SearchField("municipality"),
        index.FilterField("kind"),
        index.RelatedFields("sectors", [index.SearchField("name")]),
    ]
    parent_page_types = ["offers.OffersIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("offre pour stagiaires")
        verbose_name_plural = _("offres pour stagiaires")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its terms change only when it is published: remembered per language until then, so the
        # page costs the same queries whatever the number of terms.
        context["offer_terms"] = remembered(
            "offer-terms",
            self.pk,
            translation.get_language(),
            build=lambda: {
                name: [item.tag.label for item in getattr(self, f"{name}_items").select_related("tag")]
                for name in ("zone", "sector", "public")
            },
        )
        return context

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La date de fin doit suivre la date de début.")})

    @property
    def is_finished(self):
        return self.end_date is not None and self.end_date < timezone.localdate()

    @property
    def is_upcoming(self):
        return (
            not self.permanent_entry
            and self.start_date is not None
            and self.start_date > timezone.localdate()
        )

    @property
    def apply_phone_uri(self):
        """The phone number as a tel: link target (digits and a leading +)."""
        digits = "".join(ch for ch in self.apply_phone if ch.isdigit())
        return ("+" if self.apply_phone.strip().startswith("+") else "") + digits

    @property
    def place(self):
        town = " ".join(part for part in (self.postcode, self.municipality) if part)
        return ", ".join(part for part in (self.street_address, town) if part)

    def live_organisation(self):
        """The organisation page when it is published (a withdrawn one is not linked)."""
        organisation = self.organisation
        return organisation if organisation is not None and organisation.live else None
