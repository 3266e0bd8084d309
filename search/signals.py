"""Follows the content: pages on publish/unpublish/delete, other models on save/delete."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from . import indexing, registry


def page_changed(sender, instance, **kwargs):
    indexing.sync_object(instance.specific)


def object_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.sync_object(instance)


def object_deleted(sender, instance, **kwargs):
    indexing.remove_object(instance)


def connect():
    for model in registry.models():
        uid = f"search-documents-{model._meta.label_lower}"
        if issubclass(model, Page):
            page_published.connect(page_changed, sender=model, dispatch_uid=uid + "-published")
            page_unpublished.connect(page_changed, sender=model, dispatch_uid=uid + "-unpublished")
        else:
            post_save.connect(object_saved, sender=model, dispatch_uid=uid + "-saved")
        post_delete.connect(object_deleted, sender=model, dispatch_uid=uid + "-deleted")
