"""A chapter of an edition: one family of obstacles, grouping its recommendations."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class ChapterPage(Page):
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Le constat commun aux recommandations du chapitre.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["livreblanc.EditionPage"]
    subpage_types = ["livreblanc.RecommendationPage"]

    class Meta:
        verbose_name = _("chapitre du livre blanc")
        verbose_name_plural = _("chapitres du livre blanc")

    @property
    def edition(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        from ..outline import edition_outline  # it imports this module

        context = super().get_context(request, *args, **kwargs)
        edition = self.edition
        outline = edition_outline(edition, request)
        context["edition"] = edition
        # Under the visitor's language prefix; posted without a CSRF token (consultation_views).
        context["support_url"] = reverse("livreblanc_support", args=[edition.pk])
        context["entry"] = next((c for c in outline.chapters if c.page.pk == self.pk), None)
        context["outline"] = outline
        return context
