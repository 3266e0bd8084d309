"""PDF download of a fiche or practice, rendered by WeasyPrint from a dedicated print template."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML

from passerelles.public_address import absolute_url, site_root_url

PDF_VARIANT = "pdf/ua-1"


def render_pdf(page, request):
    html = render_to_string(
        "knowledge/print/knowledge_item_pdf.html",
        # The source link on the site's public address, whatever host the PDF was asked through.
        {"page": page, "self": page, "page_url": absolute_url(page.get_url(request), request)},
        request=request,
    )
    # No base_url fetches: the print template is self-contained (inline styles, no images).
    # PDF/UA: a tagged PDF (headings, lists, reading order) that screen readers can follow.
    return HTML(string=html, base_url=site_root_url(request) + "/").write_pdf(pdf_variant=PDF_VARIANT)


def pdf_response(page, request):
    response = HttpResponse(render_pdf(page, request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.pdf"'
    return response
