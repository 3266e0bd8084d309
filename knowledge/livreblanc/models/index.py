"""The white paper's section page: the list of its editions, newest first."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class WhitePaperIndexPage(Page):
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Ce qu'est le livre blanc et à qui il s'adresse.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["passerelles.HomePage"]
    subpage_types = ["livreblanc.EditionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("livre blanc (sommaire des éditions)")
        verbose_name_plural = _("livres blancs (sommaires des éditions)")

    def get_context(self, request, *args, **kwargs):
        from passerelles.localized import default_locale_page, in_visitor_language

        from .edition import EditionPage

        context = super().get_context(request, *args, **kwargs)
        # Earlier editions stay listed (and readable) after a newer one opens. In another language,
        # the French editions are listed, each in the visitor's language when it is translated.
        editions = EditionPage.objects.child_of(default_locale_page(self)).live().order_by("-year", "-pk")
        context["editions"] = in_visitor_language(editions)
        return context
