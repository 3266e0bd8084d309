"""Admin views: upload → preview → confirm → done, the template files, the history and undo."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import ImportBatch, ImportKind, ImportStatus
from .checking import check
from .events import EventImporter
from .forms import EventUploadForm, UploadForm
from .permissions import (
    can_import_everywhere,
    can_import_structures,
    can_undo,
    can_use_imports,
    importable_calendars,
)
from .reading import FileError, read_table
from .structures import StructureImporter
from .templatefiles import template_response
from .writing import ImportFailed, UndoRefused, edited_pages, publishes, undo, write

IMPORTERS = {ImportKind.STRUCTURES: StructureImporter, ImportKind.EVENTS: EventImporter}
PREVIEW_LINES = 20
SHOWN_ERRORS = 200


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _importer_class(kind):
    if kind not in IMPORTERS:
        raise Http404
    return IMPORTERS[kind]


def index(request):
    _require(can_use_imports(request.user))
    batches = ImportBatch.objects.exclude(status=ImportStatus.PENDING).select_related("user", "parent")
    if not can_import_everywhere(request.user):
        batches = batches.filter(user=request.user)
    return TemplateResponse(
        request,
        "network/admin/imports/index.html",
        {
            "batches": batches[:50],
            "can_structures": can_import_structures(request.user),
            "can_events": importable_calendars(request.user).exists(),
            "kinds": ImportKind,
        },
    )


def template_file(request, kind, extension):
    _require(can_use_imports(request.user))
    if extension not in ("csv", "xlsx"):
        raise Http404
    return template_response(_importer_class(kind), extension)


def upload(request, kind):
    importer_class = _importer_class(kind)
    user = request.user
    if kind == ImportKind.STRUCTURES:
        _require(can_import_structures(user))
        parent = StructureImporter.default_parent()
        if parent is None:
            messages.error(request, _("Il n’y a pas encore d’annuaire des structures où importer."))
            return redirect("network_imports")
        form_class, form_kwargs = UploadForm, {}
    else:
        calendars = importable_calendars(user)
        _require(calendars.exists())
        form_class, form_kwargs = EventUploadForm, {"calendars": calendars}
    errors = []
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            if kind == ImportKind.EVENTS:
                parent = form.cleaned_data["calendar"]
            report, errors = _check(form.content, form.extension, importer_class(parent, user))
            if report is not None and report.valid:
                ImportBatch.objects.filter(user=user, status=ImportStatus.PENDING).delete()
                batch = ImportBatch.objects.create(
                    kind=kind,
                    user=user,
                    parent=parent,
                    file_name=form.cleaned_data["file"].name[:255],
                    content=form.content,
                    row_count=len(report.lines),
                )
                return redirect("network_imports_preview", pk=batch.pk)
    else:
        form = form_class(**form_kwargs)
    return TemplateResponse(
        request,
        "network/admin/imports/upload.html",
        {
            "form": form,
            "kind": kind,
            "importer": importer_class,
            "errors": errors[:SHOWN_ERRORS],
            "error_count": len(errors),
        },
    )


def _check(content, extension, importer):
    """(report, French errors): the whole file is checked, nothing is written."""
    try:
        dataset = read_table(content, extension)
    except FileError as error:
        return None, [str(error)]
    report = check(dataset, importer)
    return report, report.errors


def _pending_batch(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk, user=request.user, status=ImportStatus.PENDING)
    if batch.kind == ImportKind.STRUCTURES:
        _require(can_import_structures(request.user))
    else:
        _require(importable_calendars(request.user).filter(pk=batch.parent_id).exists())
    return batch


def preview(request, pk):
    batch = _pending_batch(request, pk)
    importer = IMPORTERS[batch.kind](batch.parent.specific, request.user)
    extension = "." + batch.file_name.rsplit(".", 1)[-1].lower()
    # Checked again: the directory or the calendar may have changed since the upload.
    report, errors = _check(bytes(batch.content), extension, importer)
    if request.method == "POST" and not errors:
        try:
            count = write(batch, importer, report)
        except ImportFailed as failure:
            errors = [str(failure)]
        else:
            messages.success(
                request,
                _("%(count)s %(what)s importé(e)s depuis « %(file)s ».")
                % {"count": count, "what": importer.label, "file": batch.file_name},
            )
            return redirect("network_imports")
    return TemplateResponse(
        request,
        "network/admin/imports/preview.html",
        {
            "batch": batch,
            "importer": importer,
            "errors": errors[:SHOWN_ERRORS],
            "error_count": len(errors),
            "count": len(report.lines) if report else 0,
            "headers": importer.preview_headers,
            "rows": [
                (line.number, importer.preview_cells(line.values))
                for line in (report.lines if report else [])
            ][:PREVIEW_LINES],
            "publishes": publishes(request.user, batch.parent.specific),
        },
    )


def undo_view(request, pk):
    batch = get_object_or_404(ImportBatch.objects.select_related("parent"), pk=pk)
    _require(can_undo(request.user, batch))
    if batch.status != ImportStatus.DONE:
        messages.error(request, _("Cet import n’est pas (ou plus) annulable."))
        return redirect("network_imports")
    if request.method == "POST":
        try:
            count = undo(batch, request.user)
        except UndoRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Import annulé : %(count)s page(s) supprimée(s).") % {"count": count})
        return redirect("network_imports")
    return TemplateResponse(
        request,
        "network/admin/imports/undo.html",
        {"batch": batch, "edited": edited_pages(batch), "index_url": reverse("network_imports")},
    )
