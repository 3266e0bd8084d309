"""PDF download of a fiche or practice, rendered by WeasyPrint from a dedicated print template."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML

from passerelles.public_address import site_root_url


def render_pdf(page, request):
    html = render_to_string(
        "knowledge/print/knowledge_item_pdf.html",
        {"page": page, "self": page, "page_url": page.get_full_url(request)},
        request=request,
    )
    # No base_url fetches: the print template is self-contained (inline styles, no images).
    return HTML(string=html, base_url=site_root_url(request) + "/").write_pdf()


def pdf_response(page, request):
    response = HttpResponse(render_pdf(page, request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.pdf"'
    return response
