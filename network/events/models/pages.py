"""The agenda, the coordinators' calendars and the event pages."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from passerelles.blocks import BodyStreamBlock
from passerelles.localized import default_locale_page
from passerelles.sections import SectionIndexPage

from .. import views
from .choices import EventType, RegistrationMode
from .recurrence import Frequency, occurrences
from .tagging import EventPublic, EventSector, EventZone


class EventListingMixin(RoutablePageMixin):
    """Upcoming, month and past views, filters and iCal feed, shared by agenda and calendars."""

    @path("")
    def upcoming_view(self, request):
        return views.upcoming(self, request)

    @path("mois/")
    def month_view(self, request):
        return views.month(self, request)

    @path("passes/")
    def past_view(self, request):
        return views.past(self, request)

    @path("ical/")
    def feed_view(self, request):
        return views.feed(self, request)

    def events(self):
        return EventPage.objects.live().descendant_of(default_locale_page(self))


class AgendaPage(EventListingMixin, SectionIndexPage):
    """The agenda of the whole network: every calendar's events, filtered and subscribable."""

    picto = "event"  # its pictogram on the home page tiles (passerelles_tags.picto)

    subpage_types = ["events.CalendarPage"]
    template = "events/listing.html"

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")


class CalendarPage(EventListingMixin, Page):
    override_translatable_fields = [SynchronizedField("organiser")]  # a proper name
    """The calendar of one coordinator, network or zone; its coordinators publish in it only."""

    introduction = models.TextField(_("introduction"), blank=True)
    organiser = models.CharField(
        _("organisateur"),
        max_length=200,
        help_text=_("Nom du réseau ou de la coordination (jamais l’adresse e-mail d’une personne)."),
    )
    coordinators = models.ForeignKey(
        Group,
        verbose_name=_("groupe des coordinateurs"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("organiser")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["events.AgendaPage"]
    subpage_types = ["events.EventPage"]
    template = "events/listing.html"

    class Meta:
        verbose_name = _("calendrier")
        verbose_name_plural = _("calendriers")


class EventPage(RoutablePageMixin, Page):
    # Who organises and where: proper names and an address, identical in every language.
    override_translatable_fields = [SynchronizedField(name) for name in ("organiser", "venue", "address")]
    """A networking moment, concertation meeting, visit or information session."""

    start = models.DateTimeField(_("début"), help_text=_("Heure de Bruxelles."))
    end = models.DateTimeField(_("fin"), help_text=_("Heure de Bruxelles."))
    all_day = models.BooleanField(
        _("toute la journée"), default=False, help_text=_("Seules les dates sont alors affichées.")
    )
    event_type = models.CharField(_("type"), max_length=32, choices=EventType.choices)
    organiser = models.CharField(
        _("organisateur"),
        max_length=200,
        blank=True,
        help_text=_("Réseau ou coordination qui organise ; par défaut celui du calendrier."),
    )
    introduction = models.TextField(_("chapeau"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)

    venue = models.CharField(_("lieu"), max_length=200, blank=True)
    address = models.TextField(_("adresse"), blank=True)
    host_organisation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("structure d’accueil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_url = models.URLField(_("lien de la réunion en ligne"), blank=True)

    zones = ClusterTaggableManager(through=EventZone, blank=True, verbose_name=_("zones"))
    sectors = ClusterTaggableManager(through=EventSector, blank=True, verbose_name=_("secteurs"))
    publics = ClusterTaggableManager(through=EventPublic, blank=True, verbose_name=_("publics"))

    capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : pas de limite.")
    )
    registration_mode = models.CharField(
        _("inscription"), max_length=10, choices=RegistrationMode.choices, default=RegistrationMode.NONE
    )
    registration_url = models.URLField(_("lien d’inscription externe"), blank=True)

    recurrence = models.CharField(
        _("répétition"), max_length=8, choices=Frequency.choices, default=Frequency.NONE, blank=True
    )
    recurrence_interval = models.PositiveSmallIntegerField(
        _("intervalle"), default=1, help_text=_("1 : chaque semaine ou mois ; 2 : une sur deux…")
    )
    recurrence_until = models.DateField(_("jusqu’au"), null=True, blank=True)
    recurrence_count = models.PositiveSmallIntegerField(
        _("nombre de séances"), null=True, blank=True, help_text=_("Utilisé si aucune date de fin.")
    )

    cancelled = models.BooleanField(
        _("événement annulé"),
        default=False,
        help_text=_("Les inscrits reçoivent un avis d’annulation à la publication ; la page l’annonce."),
    )

    report = RichTextField(
        _("compte rendu"), blank=True, help_text=_("Publié sur la page une fois l’événement passé.")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("recurrence"), FieldPanel("recurrence_interval")]),
                FieldRowPanel([FieldPanel("recurrence_until"), FieldPanel("recurrence_count")]),
                InlinePanel("exception_dates", label=_("Dates annulées")),
            ],
            heading=_("Répétition"),
            classname="collapsed",
        ),
        FieldPanel("cancelled"),
        FieldPanel("event_type"),
        FieldPanel("organiser"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                PageChooserPanel("host_organisation", "network.OrganisationPage"),
                FieldPanel("online_url"),
            ],
            heading=_("Lieu"),
        ),
        MultiFieldPanel(
            [FieldPanel("zones"), FieldPanel("sectors"), FieldPanel("publics")], heading=_("Pour qui, où")
        ),
        MultiFieldPanel(
            [FieldPanel("registration_mode"), FieldPanel("registration_url"), FieldPanel("capacity")],
            heading=_("Inscriptions"),
        ),
        FieldPanel("report"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("organiser"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.CalendarPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        # Upcoming one-off events (the agendas, the home's next three): read from the ones not
        # over yet, not by walking every page of the language (10 ms at 10,000 pages).
        indexes = [models.Index(fields=["recurrence", "end"], name="events_upcoming_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("La fin doit venir après le début.")
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Indiquez le lien d’inscription externe.")
        if (
            self.recurrence
            and self.recurrence_until
            and self.start
            and self.recurrence_until < self.start.date()
        ):
            errors["recurrence_until"] = _("La répétition doit finir après la première séance.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.organiser:
            parent = self.get_parent() if self.pk or self.depth else None
            if parent is not None and isinstance(parent.specific, CalendarPage):
                self.organiser = parent.specific.organiser
        super().save(*args, **kwargs)

    @property
    def is_recurring(self):
        return bool(self.recurrence)

    def occurrences(self, window_start=None, window_end=None):
        return occurrences(self, window_start, window_end)

    @path("")
    def event_view(self, request):
        return views.event_detail(self, request)

    @path("inscription/")
    def register_view(self, request):
        return views.register(self, request)

    @path("ical/")
    def ics_view(self, request):
        return views.event_ics(self, request)

    @path("annulation/")
    def cancel_view(self, request):
        return views.cancel(self, request)
