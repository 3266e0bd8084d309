from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from .public_address import absolute_url


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {absolute_url(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that touch the database: the error may come from it.
    from django.template import loader

    response = HttpResponse(loader.get_template("500.html").render(), status=500)
    response._csp_replace = {"style-src": ["'self'", "'unsafe-inline'"]}  # its one inline <style>
    return response
