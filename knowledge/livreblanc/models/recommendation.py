"""A recommendation: an obstacle, the rule behind it, the change asked and of whom, and what became of it.

Each recommendation is a page (child of a chapter) rather than an inline of the edition: it gets its
own URL to be linked from a fiche or an e-mail, supported and searched; editors get revisions,
moderation workflow and scheduled publishing per recommendation. What belongs to one recommendation
only (its status history, its supporting practices and events) is kept as Orderable inlines.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from passerelles.vocabularies.models import Theme
from passerelles.vocabularies.tagging import tag_link


class Authority(models.TextChoices):
    WALLONIA = "region-wallonne", _("Région wallonne")
    BRUSSELS = "region-bruxelles-capitale", _("Région de Bruxelles-Capitale")
    COCOF = "cocof", _("Commission communautaire française (COCOF)")
    FWB = "federation-wallonie-bruxelles", _("Fédération Wallonie-Bruxelles")
    FEDERAL = "federal", _("État fédéral")
    LOCAL = "pouvoirs-locaux", _("Pouvoirs locaux (communes, CPAS)")


class Status(models.TextChoices):
    PROPOSED = "proposee", _("Proposée")
    DISCUSSED = "discutee", _("Discutée")
    SENT = "transmise", _("Transmise")
    ADOPTED = "adoptee", _("Adoptée")
    REJECTED = "rejetee", _("Rejetée")


class RecommendationTheme(tag_link(Theme, "livreblanc.RecommendationPage", related_name="theme_items")):
    pass


class RecommendationPage(Page):
    obstacle = models.TextField(
        _("obstacle"), help_text=_("Ce qui bloque, vu du terrain : qui est freiné, quand, avec quel effet.")
    )
    themes = ClusterTaggableManager(
        through=RecommendationTheme,
        blank=True,
        verbose_name=_("thèmes (freins)"),
        help_text=_("Choisissez parmi les thèmes de la taxonomie."),
    )
    current_rule = models.TextField(_("règle actuelle"), help_text=_("Ce que prévoit la règle aujourd'hui."))
    legal_reference = models.CharField(
        _("référence légale"),
        max_length=255,
        help_text=_(
            "Par exemple : décret du 10 juillet 2013 relatif aux centres d'insertion socioprofessionnelle."
        ),
    )
    proposed_change = models.TextField(
        _("changement proposé"), help_text=_("Le changement demandé, formulé pour être repris tel quel.")
    )
    authority = models.CharField(
        _("autorité interpellée"), max_length=40, choices=Authority.choices, default=Authority.WALLONIA
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("obstacle"), FieldPanel("themes")], heading=_("L'obstacle")),
        MultiFieldPanel(
            [FieldPanel("current_rule"), FieldPanel("legal_reference")], heading=_("La règle actuelle")
        ),
        MultiFieldPanel(
            [FieldPanel("proposed_change"), FieldPanel("authority")], heading=_("Le changement demandé")
        ),
        InlinePanel(
            "status_changes",
            label=_("Étape du suivi"),
            heading=_("Suivi (le statut actuel est l'étape la plus récente)"),
        ),
        InlinePanel(
            "practice_links", label=_("Pratique qui l'appuie"), heading=_("Pratiques qui l'appuient")
        ),
        InlinePanel("event_links", label=_("Rencontre"), heading=_("Rencontres où elle a été discutée")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("obstacle"),
        index.SearchField("current_rule"),
        index.SearchField("legal_reference"),
        index.SearchField("proposed_change"),
        index.FilterField("authority"),
    ]
    parent_page_types = ["livreblanc.ChapterPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("recommandation du livre blanc")
        verbose_name_plural = _("recommandations du livre blanc")

    def timeline(self):
        """Status changes oldest first (ties keep the editors' order); works on prefetched rows."""
        return sorted(self.status_changes.all(), key=lambda change: (change.date, change.sort_order or 0))

    @property
    def current_status(self):
        """The latest status change by date, or None before the first one."""
        changes = self.timeline()
        return changes[-1] if changes else None

    def get_context(self, request, *args, **kwargs):
        from ..consultation import recommendation_context  # it imports this module

        context = super().get_context(request, *args, **kwargs)
        context.update(recommendation_context(self, request, kwargs.get("contribution_form")))
        return context


class RecommendationStatus(Orderable):
    page = ParentalKey(RecommendationPage, related_name="status_changes", on_delete=models.CASCADE)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices)
    date = models.DateField(_("date"))
    note = models.TextField(
        _("note"), blank=True, help_text=_("Où, par qui, avec quelle réponse (une ou deux phrases).")
    )

    panels = [FieldPanel("status"), FieldPanel("date"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("étape du suivi")
        verbose_name_plural = _("étapes du suivi")


class LinkedPage(Orderable):
    """A page of the site that backs the recommendation, shown as its title and link."""

    page = models.ForeignKey(
        "wagtailcore.Page", related_name="+", on_delete=models.CASCADE, verbose_name=_("page")
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True


class RecommendationPractice(LinkedPage):
    recommendation = ParentalKey(RecommendationPage, related_name="practice_links", on_delete=models.CASCADE)

    panels = [PageChooserPanel("page", ["knowledge.FicheActionPage", "knowledge.BonnePratiquePage"])]

    class Meta(LinkedPage.Meta):
        verbose_name = _("pratique qui l'appuie")
        verbose_name_plural = _("pratiques qui l'appuient")


class RecommendationEvent(LinkedPage):
    recommendation = ParentalKey(RecommendationPage, related_name="event_links", on_delete=models.CASCADE)

    panels = [PageChooserPanel("page", "events.EventPage")]

    class Meta(LinkedPage.Meta):
        verbose_name = _("rencontre où elle a été discutée")
        verbose_name_plural = _("rencontres où elle a été discutée")
