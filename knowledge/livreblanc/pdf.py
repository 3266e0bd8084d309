"""The whole edition as a typeset PDF (WeasyPrint, CSS paged media: running title, page numbers, a
table of contents whose page numbers come from target-counter)."""

import time

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Page
from weasyprint import CSS, HTML

from passerelles.public_address import site_root_url

from ..pdf import PDF_VARIANT
from .models.consultation import Support
from .outline import edition_outline

PDF_STYLESHEET = "livreblanc/css/livreblanc-pdf.css"


def edition_pdf_bytes(edition, request):
    html = render_to_string(
        "livreblanc/edition_pdf.html",
        {
            "page": edition,
            "edition": edition,
            "outline": edition_outline(edition, request, full=True),
            "site_url": site_root_url(request),
            "generated_at": timezone.localtime(),
        },
        request=request,
    )
    # The stylesheet is read from disk: no HTTP round trip to ourselves while rendering.
    stylesheet = CSS(filename=finders.find(PDF_STYLESHEET))
    # PDF/UA: a tagged PDF (headings, lists, reading order) that screen readers can follow.
    return HTML(string=html, base_url=site_root_url(request) + "/").write_pdf(
        stylesheets=[stylesheet], pdf_variant=PDF_VARIANT
    )


def pdf_cache_key(edition, request):
    """Changes whenever a page of the edition is published: rendering a PDF costs seconds of CPU,
    so an unchanged edition is rendered once."""
    published = Page.objects.descendant_of(edition, inclusive=True).aggregate(
        latest=Max("last_published_at"), pages=Count("pk", filter=Q(live=True))
    )
    stamp = published["latest"].timestamp() if published["latest"] else 0
    variant = f"{request.get_host()}:{translation.get_language()}"
    return f"livreblanc-pdf:{edition.pk}:{stamp}:{published['pages']}:{variant}"


def refresh_seconds():
    """Supports counted since the PDF was built show in it at most this late (settings)."""
    return getattr(settings, "LIVREBLANC_PDF_REFRESH_SECONDS", 15 * 60)


def edition_pdf_response(edition, request):
    """The cached PDF: rebuilt at once when a page of the edition is published, and when only
    supports were counted since, at most once per `refresh_seconds()` (each support used to
    cost a rebuild of several seconds)."""
    key = pdf_cache_key(edition, request)
    entry = cache.get(key)
    supports = Support.objects.filter(recommendation__path__startswith=edition.path).count()
    stale = entry is None or (
        entry["supports"] != supports and time.time() - entry["built"] >= refresh_seconds()
    )
    if stale:
        entry = {"content": edition_pdf_bytes(edition, request), "supports": supports, "built": time.time()}
        cache.set(key, entry, 60 * 60 * 24)
    response = HttpResponse(entry["content"], content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="livre-blanc-{edition.year}.pdf"'
    return response
