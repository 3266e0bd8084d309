"""The whole edition as a typeset PDF (WeasyPrint, CSS paged media: running title, page numbers, a
table of contents whose page numbers come from target-counter)."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML

from .outline import edition_outline

PDF_STYLESHEET = "livreblanc/css/livreblanc-pdf.css"


def edition_pdf_bytes(edition, request):
    html = render_to_string(
        "livreblanc/edition_pdf.html",
        {
            "page": edition,
            "edition": edition,
            "outline": edition_outline(edition, request, full=True),
            "site_url": request.build_absolute_uri("/").rstrip("/"),
            "generated_at": timezone.localtime(),
        },
        request=request,
    )
    # The stylesheet is read from disk: no HTTP round trip to ourselves while rendering.
    stylesheet = CSS(filename=finders.find(PDF_STYLESHEET))
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(stylesheets=[stylesheet])


def edition_pdf_response(edition, request):
    response = HttpResponse(edition_pdf_bytes(edition, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="livre-blanc-{edition.year}.pdf"'
    return response
