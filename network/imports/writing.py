"""Writes a checked file in one transaction, and undoes an import.

Pages are created through Wagtail's tree API (`add_child`), in the parent's locale (French),
owned by the importer, each with its first revision, so they show in the page tree and in
their history like pages made by hand. Whoever may publish below the parent (administrators
in the directory, a calendar's coordinators in their calendar) publishes the imported pages;
the others' pages are saved as drafts, for a moderator to review and publish (Wagtail's bulk
"Publier" in the page explorer), without one moderation e-mail per line.
"""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from search import indexing, registry
from search.signals import paused

from ..events.models import Registration
from ..models import ImportBatch, ImportedPage, ImportStatus


class ImportFailed(Exception):
    """Writing failed at one line; the transaction was rolled back, nothing was written."""

    def __init__(self, line, reason):
        super().__init__(
            _("Ligne %(line)s : l’enregistrement a échoué (%(reason)s). Rien n’a été importé.")
            % {"line": line, "reason": reason}
        )


def publishes(user, parent):
    return parent.permissions_for_user(user).can_publish_subpage()


def write(batch, importer, report):
    """Creates one page per line of `report`, all or none; returns the number created."""
    publish = publishes(importer.user, importer.parent)
    created, pages = [], []
    # The public search's documents and Wagtail's reference index are built once per page at the
    # end, not at each of the three saves a page goes through (creation, revision, publication).
    with transaction.atomic(), paused(), disable_reference_index_auto_update():
        for line in report.lines:
            try:
                page = importer.build_page(line.values)
                page.live = False
                page.has_unpublished_changes = True
                importer.parent.add_child(instance=page)
                revision = page.save_revision(user=importer.user, log_action=False)
                log(instance=page, action="wagtail.create", user=importer.user)
                if publish:
                    revision.publish(user=importer.user)
            except ValidationError as error:
                raise ImportFailed(line.number, "; ".join(error.messages)) from error
            except DatabaseError as error:
                raise ImportFailed(line.number, _("refusé par la base de données")) from error
            created.append(
                ImportedPage(batch=batch, page_id=page.pk, revision_id=revision.pk, line=line.number)
            )
            pages.append(page)
        ImportedPage.objects.bulk_create(created)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
        if publish:
            index_in_search(pages)
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportStatus.DONE,
            content=b"",
            row_count=len(created),
            published=publish,
            imported_at=timezone.now(),
        )
    return len(created)


def index_in_search(pages):
    """Adds the new pages to the public search in batches (they have no translations yet)."""
    if not pages:
        return
    pairs = []
    # Read again: publishing updated the stored pages, not the instances built from the file.
    for page in type(pages[0])._default_manager.filter(pk__in=[page.pk for page in pages]):
        source = registry.source_for(page)
        if source is not None and source.is_public(page):
            document, tags = indexing.build_document(source, page)
            indexing.link_group([document])
            pairs.append((document, tags))
    indexing.index_documents(pairs)


class UndoRefused(Exception):
    pass


def edited_pages(batch):
    """Imported pages changed since the import: a newer revision, children, or (for events)
    registrations. Any of them and the undo is refused, so nobody's work is deleted."""
    imported = {row.page_id: row for row in batch.pages.all()}
    pages = Page.objects.filter(pk__in=imported).only("pk", "title", "latest_revision", "numchild")
    edited = [
        page for page in pages if page.latest_revision_id != imported[page.pk].revision_id or page.numchild
    ]
    registered = _pages_with_registrations(list(imported))
    edited += [page for page in pages if page.pk in registered and page not in edited]
    return edited


def _pages_with_registrations(page_ids):
    return set(Registration.objects.filter(event_id__in=page_ids).values_list("event_id", flat=True))


def undo(batch, user):
    """Deletes exactly the pages `batch` created, if none was edited since; returns their number."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ImportStatus.DONE:
            raise UndoRefused(_("Cet import n’est pas (ou plus) annulable."))
        edited = edited_pages(batch)
        if edited:
            raise UndoRefused(
                _(
                    "Annulation impossible : %(count)s page(s) ont été modifiées depuis l’import (%(titles)s). Rien n’a été supprimé."
                )
                % {"count": len(edited), "titles": ", ".join(f"« {page.title} »" for page in edited[:5])}
            )
        page_ids = list(batch.pages.values_list("page_id", flat=True))
        count = len(page_ids)
        # Logged one by one, as Wagtail's delete action does, then deleted in one pass of the tree
        # API (none has children, see edited_pages): the parent's child count and Wagtail's
        # unpublish signals follow, and the search documents go at the end, in one batch (a page's
        # own delete cost 0.17 s, mostly the search index followed page by page).
        pages = list(Page.objects.filter(pk__in=page_ids).specific())
        for page in pages:
            log(instance=page, action="wagtail.delete", user=user, deleted=True)
        with paused():
            Page.objects.filter(pk__in=page_ids).delete()
        indexing.remove_deleted(pages)
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportStatus.UNDONE, undone_at=timezone.now(), undone_by=user
        )
    return count
