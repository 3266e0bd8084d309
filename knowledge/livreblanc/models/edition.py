"""An edition of the white paper: open to consultation, then published (closed) and kept readable."""

from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from passerelles.language_fallback import visitor_url

from ..consultation import handle_contribution, handle_support
from ..outline import edition_outline
from ..pdf import edition_pdf_response


class EditionPage(RoutablePageMixin, Page):
    class Status(models.TextChoices):
        CONSULTATION = "consultation", _("En consultation")
        PUBLISHED = "publiee", _("Publiée")

    year = models.PositiveSmallIntegerField(_("année"), help_text=_("Année de l'édition, par exemple 2026."))
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=Status.choices,
        default=Status.CONSULTATION,
        help_text=_(
            "En consultation, les visiteurs peuvent soutenir les recommandations et contribuer ; "
            "publiée, l'édition est close et reste lisible et téléchargeable."
        ),
    )
    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("year"), FieldPanel("status")], heading=_("Édition")),
        FieldPanel("introduction"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.FilterField("year")]
    parent_page_types = ["livreblanc.WhitePaperIndexPage"]
    subpage_types = ["livreblanc.ChapterPage"]

    class Meta:
        verbose_name = _("édition du livre blanc")
        verbose_name_plural = _("éditions du livre blanc")

    @property
    def is_open(self):
        return self.status == self.Status.CONSULTATION

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The printable version needs the supporting pages of every recommendation too.
        context["outline"] = edition_outline(self, request, full=kwargs.get("full_outline", False))
        # Posted without a CSRF token (consultation_views): the edition stays in the page cache.
        context["support_url"] = reverse("livreblanc_support", args=[self.pk])
        context["other_editions"] = (
            EditionPage.objects.sibling_of(self, inclusive=False).live().order_by("-year")
        )
        return context

    @path("imprimer/", name="print")
    def print_version(self, request):
        return self.render(request, template="livreblanc/edition_print.html", full_outline=True)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return edition_pdf_response(self, request)

    @path("soutenir/", name="support")
    def support(self, request):
        if request.method != "POST":
            return redirect(visitor_url(self, request))
        return handle_support(self, request)

    @path("contribuer/", name="contribute")
    def contribute(self, request):
        if request.method != "POST":
            return redirect(visitor_url(self, request))
        return handle_contribution(self, request)
