"""Compagnons: people of a structure who agreed to show their work to peers.

A Person is a snippet, not an inline of the organisation page: profiles need a stable id for
their public URL and for the meetup requests that point at them, and a person's consent or
e-mail must change at once, without waiting for the organisation page to be re-published.
"""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from passerelles.vocabularies.models import MeetupFormat, canonical_choices

from ..admin_forms import PersonAdminForm
from .tagging import PersonSector


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People who consented (box ticked and date recorded) in a published structure."""
        return self.filter(live=True, consent_given=True, consent_date__isnull=False, organisation__live=True)


class Person(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A compagnon. Members' changes wait for a moderator (the moderation workflow) like pages."""

    organisation = models.ForeignKey(
        "network.OrganisationPage",
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="people",
    )
    name = models.CharField(_("prénom et nom"), max_length=120)
    role = models.CharField(_("fonction"), max_length=120)
    expertise = models.TextField(
        _("expertise"), max_length=2000, help_text=_("Ce que la personne peut montrer ou expliquer.")
    )
    sectors = ClusterTaggableManager(through=PersonSector, blank=True, verbose_name=_("secteurs"))
    formats = ParentalManyToManyField(
        MeetupFormat,
        blank=True,
        verbose_name=_("formats proposés"),
        related_name="+",
        limit_choices_to=canonical_choices,
    )
    languages = models.CharField(
        _("langues"), max_length=200, blank=True, help_text=_("Par exemple : français, néerlandais.")
    )
    availability = models.CharField(
        _("disponibilités"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple : le mardi matin, hors congés scolaires."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    practices = ParentalManyToManyField(
        "wagtailcore.Page",
        blank=True,
        verbose_name=_("pratiques qu'elle peut montrer"),
        related_name="compagnons",
    )
    email = models.EmailField(
        _("adresse e-mail"),
        help_text=_(
            "Jamais publiée : elle sert uniquement à prévenir la personne d'une demande de rencontre."
        ),
    )
    consent_given = models.BooleanField(
        _("consentement à être listé"),
        default=False,
        help_text=_("La personne a accepté explicitement que son profil soit public."),
    )
    consent_date = models.DateField(
        _("date du consentement"),
        null=True,
        blank=True,
        help_text=_("Obligatoire avec le consentement : sans date, le profil reste privé."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = PersonQuerySet.as_manager()
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="person")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="person",
        for_concrete_model=False,
    )
    # Members pick among their own structures only; practices among fiches and practices.
    base_form_class = PersonAdminForm

    panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("expertise"),
        FieldPanel("sectors"),
        FieldPanel("formats", widget=forms.CheckboxSelectMultiple),
        FieldPanel("practices"),
        FieldRowPanel([FieldPanel("languages"), FieldPanel("availability")]),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldRowPanel([FieldPanel("consent_given"), FieldPanel("consent_date")])],
            heading=_("Contact privé et consentement"),
        ),
    ]
    # Indexed for the site search, which must filter on consent (see PersonQuerySet.public).
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.SearchField("expertise"),
        index.AutocompleteField("name"),
        index.FilterField("consent_given"),
        index.FilterField("consent_date"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("compagnon")
        verbose_name_plural = _("compagnons")

    def __str__(self):
        return self.name

    @property
    def slug(self):
        return slugify(self.name) or "compagnon"

    @property
    def is_public(self):
        return bool(self.live and self.consent_given and self.consent_date and self.organisation.live)

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.consent_given and not self.consent_date:
            raise ValidationError(
                {"consent_date": _("Indiquez la date à laquelle la personne a donné son consentement.")}
            )
        if self.consent_date and self.consent_date > timezone.localdate():
            raise ValidationError(
                {"consent_date": _("La date du consentement ne peut pas être dans le futur.")}
            )

    def get_absolute_url(self):
        directory = self.organisation.get_parent().specific
        if not hasattr(directory, "person_url"):
            return None
        return directory.person_url(self)
