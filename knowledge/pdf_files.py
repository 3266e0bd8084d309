"""Fiche and practice PDFs built once per publication and served as files.

WeasyPrint needs seconds of CPU per PDF: rendering it for each download let a few visitors fill
the workers. The PDF of a publication is written once to the media storage
(`pdf/<type>/<translation key>-<language>-<publication time>.pdf`) and then served as a file. With a task
backend that runs in a worker (TASKS setting), publishing a page enqueues `build_pdf`, so even
the first download is a file; with the immediate backend (development, tests) the first download
builds it, instead of slowing every publication down.
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django_tasks import default_task_backend, task
from django_tasks.backends.immediate import ImmediateBackend

from passerelles.public_address import site_root_url

from .pdf import render_pdf

FOLDER = "pdf"


def pdf_name(page, language, request=None):
    stamp = int(page.last_published_at.timestamp()) if page.last_published_at else 0
    # The PDF prints the site's public address: a file per address, so a changed Site is never
    # served an old one.
    site = hashlib.sha256(site_root_url(request).encode()).hexdigest()[:8]
    # The translation key, not the id: ids are reused by another database (tests, a restore).
    return f"{FOLDER}/{page._meta.model_name}/{page.translation_key}-{site}-{language}-{stamp}.pdf"


def store_pdf(page, request, language):
    """Renders the page's PDF, stores it under its publication's name and removes older ones."""
    name = pdf_name(page, language, request)
    with translation.override(language):
        content = render_pdf(page, request)
    folder, _slash, filename = name.rpartition("/")
    prefix = filename.rsplit("-", 1)[0] + "-"
    if default_storage.exists(folder):
        for old in default_storage.listdir(folder)[1]:
            if old.startswith(prefix) and old != filename:
                default_storage.delete(f"{folder}/{old}")
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(content))
    return name


def request_for(base_url):
    """A bare GET request on the site's address, for what the print template builds from it."""
    parts = urlsplit(base_url)
    request = HttpRequest()
    request.method = "GET"
    request.META.update(
        SERVER_NAME=parts.hostname or "localhost",
        SERVER_PORT=str(parts.port or (443 if parts.scheme == "https" else 80)),
        HTTP_HOST=parts.netloc or "localhost",
        **({"wsgi.url_scheme": parts.scheme} if parts.scheme else {}),
    )
    return request


@task()
def build_pdf(page_id, language, base_url):
    """Background task: the PDF of the live page `page_id` in `language`."""
    from wagtail.models import Page  # tasks are imported before the app registry is ready

    page = Page.objects.live().filter(pk=page_id).first()
    if page is not None:
        store_pdf(page.specific, request_for(base_url), language)


def enqueue_on_publish(page):
    """Publishing a fiche or practice builds its PDF in the worker (after the commit)."""
    if isinstance(default_task_backend, ImmediateBackend):
        return  # no worker: the first download builds it
    language = page.locale.language_code
    base_url = settings.WAGTAILADMIN_BASE_URL
    transaction.on_commit(lambda: build_pdf.enqueue(page.pk, language, base_url))


def pdf_file_response(page, request):
    language = translation.get_language()
    name = pdf_name(page, language, request)
    if not default_storage.exists(name):
        name = store_pdf(page, request, language)
    with default_storage.open(name, "rb") as stored:
        response = HttpResponse(stored.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.pdf"'
    return response
