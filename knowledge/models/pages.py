"""The knowledge base: an index page listing fiches actions and bonnes pratiques.

`KnowledgeItemPage` is a concrete base page: it carries what both kinds share (summary, review
date, tags, contacts, attachments) so the listing, its facets and related content query a single
model. `FicheActionPage` (a how-to) and `BonnePratiquePage` (an experience) add their sections.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.ownership import OrganisationOwnedPage, OwnedPageForm
from passerelles.blocks import DocumentBlock, QuoteBlock
from passerelles.fragments import remembered
from passerelles.localized import default_locale_page
from passerelles.sections import SectionIndexPage

from ..blocks import (
    SECTION_FEATURES,
    ContactBlock,
    IndicatorBlock,
    StepBlock,
)
from ..feedback import questions
from ..feedback.panels import ReadersFeedbackPanel
from ..feeds import KnowledgeFeed
from ..listing import listing_context
from ..pdf_files import pdf_file_response
from ..related import related_items
from .kinds import Kind
from .tagging import (
    KnowledgePublic,
    KnowledgeSector,
    KnowledgeStructureType,
    KnowledgeTheme,
    KnowledgeZone,
)

# A fiche not reviewed for this long gets a notice: practices and rules change.
FRESHNESS_DAYS = 365
# Wagtail derives a template name per class unless the class names one itself: both kinds share this one.
ITEM_TEMPLATE = "knowledge/knowledge_item_page.html"


class KnowledgeIndexPage(RoutablePageMixin, SectionIndexPage):
    """The section listing every fiche and practice, with facets, sorting, paging and feeds."""

    picto = "fiche"  # its pictogram on the home page tiles (passerelles_tags.picto)

    subpage_types = ["knowledge.FicheActionPage", "knowledge.BonnePratiquePage"]

    class Meta:
        verbose_name = _("index des fiches et pratiques")
        verbose_name_plural = _("index des fiches et pratiques")

    def items(self):
        return KnowledgeItemPage.objects.live().public().descendant_of(default_locale_page(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context

    @path("flux/")
    def feed(self, request):
        return KnowledgeFeed()(request, index_page=self)


class KnowledgeItemPage(OrganisationOwnedPage, RoutablePageMixin, Page):
    # Translators translate the text; names, phones and files are the same in every language.
    override_translatable_fields = [SynchronizedField("contacts"), SynchronizedField("attachments")]
    """What fiches and practices share. Not created directly: pick a fiche or a practice."""

    base_form_class = OwnedPageForm

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, editable=False, db_index=True)
    summary = models.TextField(
        _("résumé"),
        max_length=600,
        help_text=_(
            "Deux ou trois phrases : ce que c'est, pour qui, ce que ça change. Affiché dans les listes."
        ),
    )
    organisation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("structure responsable"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Ses membres peuvent modifier ce contenu. Vide : contenu du réseau, géré par la coordination."
        ),
    )
    last_reviewed = models.DateField(
        _("dernière relecture"),
        default=datetime.date.today,
        help_text=_(
            "Date à laquelle le contenu a été vérifié. Au-delà de 12 mois, un avis prévient le lecteur."
        ),
    )
    sectors = ClusterTaggableManager(
        through=KnowledgeSector, blank=True, verbose_name=_("secteurs"), related_name="knowledge_items"
    )
    publics = ClusterTaggableManager(
        through=KnowledgePublic, blank=True, verbose_name=_("publics"), related_name="knowledge_items"
    )
    themes = ClusterTaggableManager(
        through=KnowledgeTheme, blank=True, verbose_name=_("thèmes"), related_name="knowledge_items"
    )
    structure_types = ClusterTaggableManager(
        through=KnowledgeStructureType,
        blank=True,
        verbose_name=_("types de structure"),
        related_name="knowledge_items",
    )
    zones = ClusterTaggableManager(
        through=KnowledgeZone, blank=True, verbose_name=_("zones"), related_name="knowledge_items"
    )
    contacts = StreamField(
        [("contact", ContactBlock())],
        verbose_name=_("personnes de contact"),
        blank=True,
        help_text=_("Nom, fonction, structure. Jamais d'adresse e-mail personnelle : elle serait publique."),
    )
    attachments = StreamField(
        [("attachment", DocumentBlock(label=_("Pièce jointe")))],
        verbose_name=_("pièces jointes"),
        blank=True,
        help_text=_("Outils, modèles, grilles d'évaluation à télécharger."),
    )

    tag_panels = [
        MultiFieldPanel(
            [
                FieldPanel("sectors"),
                FieldPanel("publics"),
                FieldPanel("themes"),
                FieldPanel("structure_types"),
                FieldPanel("zones"),
            ],
            heading=_("Classement"),
            help_text=_("Choisissez parmi les valeurs existantes ; elles servent aux filtres et aux liens."),
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("kind")]
    is_creatable = False  # subclasses are creatable: Wagtail sets it per class
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = ITEM_TEMPLATE

    class Meta:
        verbose_name = _("contenu de la base de savoirs")
        verbose_name_plural = _("contenus de la base de savoirs")

    # Sections shown in order with an anchor: (field, anchor, title, how to render).
    sections_spec = []

    def save(self, *args, **kwargs):
        self.kind = self.kind or getattr(self, "default_kind", "")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = _("La date de relecture ne peut pas être dans le futur.")
        # An emptied rich text editor still sends "<p></p>": check that required sections say something.
        for field in self._meta.concrete_fields:
            if isinstance(field, RichTextField) and not field.blank:
                if not strip_tags(getattr(self, field.name) or "").strip():
                    errors[field.name] = _("Cette section est obligatoire : décrivez-la en quelques phrases.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_stale(self):
        return bool(self.last_reviewed) and (timezone.localdate() - self.last_reviewed).days > FRESHNESS_DAYS

    def sections(self):
        """The filled sections, in order, for the table of contents and the page body."""
        result = []
        for field_name, anchor, title, kind in self.sections_spec:
            value = getattr(self, field_name)
            if value:
                result.append({"anchor": anchor, "title": title, "kind": kind, "value": value})
        return result

    @cached_property
    def tag_groups(self):
        """(label, tags) for every vocabulary the item is tagged with; tags come from prefetches when present."""
        if not self.pk or getattr(self, "_prefetched_objects_cache", None):
            return self._tag_groups()
        # Read once per language until the next publication (a page's tags change when it is published).
        return remembered("tag-groups", self.pk, translation.get_language(), build=self._tag_groups)

    def _tag_groups(self):
        groups = []
        for name, label in [
            ("sectors", _("Secteurs")),
            ("publics", _("Publics")),
            ("themes", _("Thèmes")),
            ("structure_types", _("Types de structure")),
            ("zones", _("Zones")),
        ]:
            tags = list(getattr(self, name).all())
            if tags:
                groups.append((str(label), tags))
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_items"] = remembered(
            "related-items",
            self.pk,
            translation.get_language(),
            build=lambda: related_items(self, KnowledgeItemPage.objects.live().public()),
        )
        context["organisations"] = self.organisations()
        context["questions"] = questions.published_questions(self)
        parent = self.get_parent()
        context["index_url"] = parent.get_url(request) if parent else ""
        return context

    def organisations(self):
        return []

    @path("pdf/")
    def pdf(self, request):
        return pdf_file_response(self, request)

    @path("question/", name="ask")
    def ask(self, request):
        """ "Poser une question": a page of its own, so the fiche carries no CSRF cookie."""
        return questions.ask(self, request)


def item_panels(*section_panels):
    """The editing form of an item: title, summary, its own sections, then what every item has."""
    return (
        Page.content_panels
        + [
            PageChooserPanel("organisation", "network.OrganisationPage"),
            FieldPanel("summary"),
            *section_panels,
        ]
        + [FieldPanel("contacts"), FieldPanel("attachments"), FieldPanel("last_reviewed")]
        + KnowledgeItemPage.tag_panels
        + [ReadersFeedbackPanel(heading=_("Avis et questions des lecteurs"))]
    )


class FicheActionPage(KnowledgeItemPage):
    """A how-to: the problem, what to do step by step, with which means, and what came out of it."""

    default_kind = Kind.FICHE
    template = ITEM_TEMPLATE

    problem = RichTextField(
        _("problème rencontré"),
        features=SECTION_FEATURES,
        help_text=_("Quelle difficulté, vécue par qui, cette action résout-elle ?"),
    )
    objectives = RichTextField(
        _("objectifs"),
        features=SECTION_FEATURES,
        help_text=_("Ce que l'action veut obtenir, si possible mesurable."),
    )
    public_description = RichTextField(
        _("public visé"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("Qui participe, combien de personnes, avec quels prérequis."),
    )
    steps = StreamField(
        [("step", StepBlock())],
        verbose_name=_("étapes"),
        min_num=1,
        help_text=_("Les étapes dans l'ordre, pour qu'une autre structure puisse refaire l'action."),
    )
    means = RichTextField(
        _("moyens et budget"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("Personnes, matériel, locaux, montants et financements."),
    )
    partners = RichTextField(
        _("partenaires"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("Les structures associées et leur rôle (Forem, CPAS, Maison de l'emploi...)."),
    )
    indicators = StreamField(
        [("indicator", IndicatorBlock())],
        verbose_name=_("résultats et indicateurs"),
        blank=True,
        help_text=_("Les chiffres qui montrent ce que l'action a produit."),
    )
    lessons = RichTextField(
        _("enseignements"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("Ce qui a marché, ce que vous feriez autrement."),
    )

    content_panels = item_panels(
        FieldPanel("problem"),
        FieldPanel("objectives"),
        FieldPanel("public_description"),
        FieldPanel("steps"),
        FieldPanel("means"),
        FieldPanel("partners"),
        FieldPanel("indicators"),
        FieldPanel("lessons"),
    )
    search_fields = KnowledgeItemPage.search_fields + [
        index.SearchField("problem"),
        index.SearchField("objectives"),
        index.SearchField("steps"),
        index.SearchField("lessons"),
    ]
    sections_spec = [
        ("problem", "probleme", _("Problème rencontré"), "richtext"),
        ("objectives", "objectifs", _("Objectifs"), "richtext"),
        ("public_description", "public", _("Public visé"), "richtext"),
        ("steps", "etapes", _("Étapes"), "steps"),
        ("means", "moyens", _("Moyens et budget"), "richtext"),
        ("partners", "partenaires", _("Partenaires"), "richtext"),
        ("indicators", "resultats", _("Résultats et indicateurs"), "indicators"),
        ("lessons", "enseignements", _("Enseignements"), "richtext"),
    ]

    class Meta:
        verbose_name = _("fiche action")
        verbose_name_plural = _("fiches actions")


class BonnePratiquePage(KnowledgeItemPage):
    """An experience that works: its context, the practice, its impact and how to transfer it."""

    default_kind = Kind.PRATIQUE
    template = ITEM_TEMPLATE

    context = RichTextField(
        _("contexte"), features=SECTION_FEATURES, help_text=_("Où, quand et pourquoi la pratique est née.")
    )
    practice = RichTextField(
        _("la pratique"), features=SECTION_FEATURES, help_text=_("Ce que la structure fait concrètement.")
    )
    impact = RichTextField(
        _("impact"),
        features=SECTION_FEATURES,
        help_text=_("Ce que la pratique change pour le public et l'équipe."),
    )
    transfer_conditions = RichTextField(
        _("conditions de transfert"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("Ce qu'il faut réunir pour la reproduire ailleurs : moyens, partenaires, agrément."),
    )
    testimonials = StreamField(
        [("testimonial", QuoteBlock(label=_("Témoignage")))],
        verbose_name=_("témoignages"),
        blank=True,
        help_text=_("Paroles de stagiaires, de travailleurs ou de partenaires, avec leur accord."),
    )

    content_panels = item_panels(
        FieldPanel("context"),
        FieldPanel("practice"),
        FieldPanel("impact"),
        FieldPanel("transfer_conditions"),
        InlinePanel(
            "practice_organisations",
            label=_("Organisations qui la mènent"),
            help_text=_("Les structures de l'annuaire qui pratiquent cette bonne pratique."),
        ),
        FieldPanel("testimonials"),
    )
    search_fields = KnowledgeItemPage.search_fields + [
        index.SearchField("context"),
        index.SearchField("practice"),
        index.SearchField("impact"),
    ]
    sections_spec = [
        ("context", "contexte", _("Contexte"), "richtext"),
        ("practice", "pratique", _("La pratique"), "richtext"),
        ("impact", "impact", _("Impact"), "richtext"),
        ("transfer_conditions", "transfert", _("Conditions de transfert"), "richtext"),
        ("testimonials", "temoignages", _("Témoignages"), "stream"),
    ]

    class Meta:
        verbose_name = _("bonne pratique")
        verbose_name_plural = _("bonnes pratiques")

    def organisations(self):
        """The live organisation pages running the practice, in the editor's order."""
        # One query however many organisations (also works on the in-memory preview copy).
        links = self.practice_organisations.all().select_related("organisation")
        return [link.organisation for link in links if link.organisation_id and link.organisation.live]


class PracticeOrganisation(Orderable):
    """Links a practice to an organisation of the directory that runs it."""

    practice = ParentalKey(BonnePratiquePage, related_name="practice_organisations", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("La page de l'organisation dans l'annuaire."),
    )

    panels = [PageChooserPanel("organisation", "network.OrganisationPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation qui mène la pratique")
        verbose_name_plural = _("organisations qui mènent la pratique")


class ReviewConfirmation(models.Model):
    """A member said "toujours à jour" from the reminder's signed link: the fiche's review date
    moved to that day without a moderation round (only the date changed, not the content)."""

    page = models.ForeignKey(
        KnowledgeItemPage,
        verbose_name=_("fiche"),
        on_delete=models.CASCADE,
        related_name="review_confirmations",
    )
    previous_review = models.DateField(_("relecture précédente"))
    reviewed_on = models.DateField(_("relue le"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("le"), auto_now_add=True)

    class Meta:
        verbose_name = _("relecture confirmée")
        verbose_name_plural = _("relectures confirmées")
        ordering = ["-confirmed_at"]

    def __str__(self):
        return f"{self.page_id} {self.reviewed_on}"
