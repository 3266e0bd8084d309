"""Admin report for translators: every live French page and, per language, whether a live
translation exists (Reports › Traductions manquantes). Counted in the query (one EXISTS per
language), so the report costs the same whatever the number of pages."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

OTHER_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _status(code):
    def accessor(page):
        return _("traduite") if getattr(page, f"has_{code}") else _("manquante")

    return accessor


class TranslationReportView(ReportView):
    page_title = _("Traductions manquantes")
    header_icon = "globe"
    index_url_name = "passerelles_translation_report"
    index_results_url_name = "passerelles_translation_report_results"
    default_ordering = "path"
    list_export = ["title", "url_path"] + [f"has_{code}" for code, _name in OTHER_LANGUAGES]

    @property
    def columns(self):
        return [
            TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
            *[Column(f"has_{code}", label=name, accessor=_status(code)) for code, name in OTHER_LANGUAGES],
        ]

    def get_base_queryset(self):
        translations = Page.objects.live().filter(translation_key=OuterRef("translation_key"))
        return (
            Page.objects.live()
            .filter(locale=Locale.get_default(), depth__gte=2)
            .annotate(
                **{
                    f"has_{code}": Exists(translations.filter(locale__language_code=code))
                    for code, _name in OTHER_LANGUAGES
                }
            )
            .order_by("path")
        )
