"""The white paper's section page: the list of its editions, newest first."""

from django.utils.translation import gettext_lazy as _

from passerelles.localized import default_locale_page, in_visitor_language
from passerelles.sections import SectionIndexPage

from .edition import EditionPage


class WhitePaperIndexPage(SectionIndexPage):
    subpage_types = ["livreblanc.EditionPage"]

    class Meta:
        verbose_name = _("livre blanc (sommaire des éditions)")
        verbose_name_plural = _("livres blancs (sommaires des éditions)")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Earlier editions stay listed (and readable) after a newer one opens. In another language,
        # the French editions are listed, each in the visitor's language when it is translated.
        editions = EditionPage.objects.child_of(default_locale_page(self)).live().order_by("-year", "-pk")
        context["editions"] = in_visitor_language(editions)
        return context
