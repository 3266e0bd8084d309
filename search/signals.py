"""Follows the content: pages on publish/unpublish/delete, other models on save/delete."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import indexing, registry

_paused = ContextVar("search_documents_paused", default=False)


@contextmanager
def paused():
    """Bulk loads (the demo) save hundreds of objects and rebuild every document once at the end:
    following each save meanwhile would only build documents that the rebuild throws away."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def page_changed(sender, instance, **kwargs):
    if not _paused.get():
        indexing.sync_object(instance.specific)


def object_saved(sender, instance, raw=False, **kwargs):
    if not raw and not _paused.get():
        indexing.sync_object(instance)


def object_deleted(sender, instance, **kwargs):
    if not _paused.get():
        indexing.remove_object(instance)


def connect():
    connect_tree_changes()
    for model in registry.models():
        uid = f"search-documents-{model._meta.label_lower}"
        if issubclass(model, Page):
            page_published.connect(page_changed, sender=model, dispatch_uid=uid + "-published")
            page_unpublished.connect(page_changed, sender=model, dispatch_uid=uid + "-unpublished")
        else:
            post_save.connect(object_saved, sender=model, dispatch_uid=uid + "-saved")
        post_delete.connect(object_deleted, sender=model, dispatch_uid=uid + "-deleted")


def restriction_changed(sender, instance, **kwargs):
    """A page put behind (or freed from) a password or login leaves (or joins) the results."""
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the page itself is deleted
    if page is not None:
        sync_subtree(page)


def url_changed(sender, instance, **kwargs):
    """A moved or renamed page changes the URL of every document below it."""
    sync_subtree(instance)


def sync_subtree(page):
    if _paused.get():
        return
    for model in registry.models():
        if issubclass(model, Page):  # per model: a page being deleted has lost its specific row
            for descendant in model.objects.descendant_of(page, inclusive=True):
                indexing.sync_object(descendant)


def connect_tree_changes():
    from wagtail.models import PageViewRestriction

    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-saved"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-deleted"
    )
    post_page_move.connect(url_changed, dispatch_uid="search-page-moved")
    page_slug_changed.connect(url_changed, dispatch_uid="search-page-slug-changed")
