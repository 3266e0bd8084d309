"""The base of the site's sections: the index pages right under the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class SectionIndexPage(Page):
    """A section of the site (fiches, directory, agenda, offers, livre blanc): one per home page,
    opened by a short introduction."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Quelques phrases qui présentent la rubrique.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["passerelles.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
