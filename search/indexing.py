"""Keeps SearchDocument in step with the content: one content at a time (signals) or all (rebuild).

A content is an object and its translations (pages sharing a translation_key). Each language
shows one document per content: the translation when it is public, otherwise the French original
(`shown_in`, see models/documents.py), like the listings. So publishing or withdrawing one
translation rebuilds the documents of its whole group.

The analysed text (search_title, search_body, autocomplete) is computed here, in Python, the same
way for every database (search/text.py); the database's full-text indexes follow the table through
triggers (SQLite FTS5) or generated columns (PostgreSQL), see migration 0002.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import TranslatableMixin
from wagtail.search.backends import get_search_backends

from . import registry
from .backends import language_codes
from .models import SearchDocument
from .models.documents import VOCABULARY_LINKS
from .text import analyse, scrub_emails, stem, tokens

BATCH_SIZE = 500


def language_of(locale):
    return (locale or settings.LANGUAGE_CODE).split("-")[0].lower()


def as_datetime(value):
    """A content's own date as the aware datetime the document stores (a date: its midnight)."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))


def build_document(source, obj):
    """An unsaved SearchDocument for `obj` and its tags by vocabulary (see link_group for the rest)."""
    document = SearchDocument(
        source_type=ContentType.objects.get_for_model(type(obj)),
        source_id=str(obj.pk),
        doc_type=source.type_key,
        locale=language_of(source.locale(obj)),
        title=scrub_emails(source.title(obj))[:500],
        summary=scrub_emails(source.summary_text(obj)),
        body=scrub_emails("\n".join(source.passages(obj))),
        url=source.url(obj)[:500],
        date=as_datetime(source.date(obj)),
    )
    return document, source.tags(obj)


def link_group(documents):
    """Sets who sees each document of one content, the original's text on translations, and the
    analysed text of each."""
    default = language_of(settings.LANGUAGE_CODE)
    by_language = {document.locale: document for document in documents}
    original = by_language.get(default)
    for document in documents:
        if document is original:
            shown = [default] + [code for code in language_codes() if code not in by_language]
        else:
            shown = [document.locale]
        document.shown_in = " " + " ".join(dict.fromkeys(shown)) + " "
        if original is not None and document is not original:
            document.original_title = original.title
            document.original_body = original.body
        analyse_document(document)


def analyse_document(document):
    language = document.locale
    document.search_title = " ".join(
        text for text in (analyse(document.title, language), analyse(document.original_title)) if text
    )
    document.search_body = " ".join(
        text for text in (analyse(document.body, language), analyse(document.original_body)) if text
    )
    # Suggestions match word starts: the words as written (folded) and their stems.
    words = []
    for title, title_language in ((document.title, language), (document.original_title, default_language())):
        for word in tokens(title):
            words += [word, stem(word, title_language)]
    document.autocomplete = " ".join(dict.fromkeys(words))


def default_language():
    return language_of(settings.LANGUAGE_CODE)


def group_key(obj):
    if isinstance(obj, TranslatableMixin):
        return (type(obj), obj.translation_key)
    return (type(obj), obj.pk)


def group_members(source, obj):
    """`obj` and its translations (the same type), `obj` itself as given."""
    if not isinstance(obj, TranslatableMixin):
        return [obj]
    others = source.model._default_manager.filter(translation_key=obj.translation_key).exclude(pk=obj.pk)
    return [obj, *others]


def _save_tags(pairs):
    for name, (through, _tag_model) in VOCABULARY_LINKS.items():
        through.objects.bulk_create(
            [through(document=document, tag=tag) for document, tags in pairs for tag in tags.get(name, [])]
        )


def _existing(objects):
    by_type = defaultdict(list)
    for obj in objects:
        by_type[ContentType.objects.get_for_model(type(obj))].append(str(obj.pk))
    documents = SearchDocument.objects.none()
    for content_type, ids in by_type.items():
        documents |= SearchDocument.objects.filter(source_type=content_type, source_id__in=ids)
    return documents


@transaction.atomic
def sync_object(obj):
    """Creates, updates or removes the documents of one content (the object and its translations),
    as its source says each is public; returns the document of `obj`, or None."""
    source = registry.source_for(obj)
    if source is None:
        return None
    members = group_members(source, obj)
    remove_objects(members)
    pairs = [build_document(source, member) for member in members if source.is_public(member)]
    link_group([document for document, _tags in pairs])
    for document, _tags in pairs:
        document.save()  # Wagtail's post_save handler updates its search index
    _save_tags(pairs)
    return next((document for document, _tags in pairs if document.source_id == str(obj.pk)), None)


def remove_object(obj):
    """Drops the document of a deleted object, then lets its translations take its place."""
    remove_deleted([obj])


def remove_deleted(objects):
    """Drops the documents of deleted objects, then lets their translations take their place
    (one query per model for the translations)."""
    remove_objects(objects)
    keys = defaultdict(set)
    for obj in objects:
        source = registry.source_for(obj)
        if source is not None and isinstance(obj, TranslatableMixin):
            keys[source.model].add(obj.translation_key)
    for model, translation_keys in keys.items():
        survivors = {}
        for survivor in model._default_manager.filter(translation_key__in=translation_keys):
            survivors.setdefault(survivor.translation_key, survivor)
        for survivor in survivors.values():
            sync_object(survivor)


def remove_objects(objects):
    for document in _existing(objects):
        document.delete()  # one by one: Wagtail's post_delete handler drops the index entry


def rebuild(progress=None):
    """Rebuilds every document from the registered sources; `progress(label, done, total)`."""
    with transaction.atomic():
        # Deleted through the ORM so Wagtail's post_delete handler drops each index entry.
        SearchDocument.objects.all().delete()
        total_documents = 0
        for source in registry.sources():
            objects = list(source.get_queryset())
            groups = defaultdict(list)
            for number, obj in enumerate(objects, start=1):
                if source.is_public(obj):
                    groups[group_key(obj)].append(build_document(source, obj))
                if progress:
                    progress(str(source.label), number, len(objects))
            pairs = []
            for group in groups.values():
                link_group([document for document, _tags in group])
                pairs += group
            total_documents += index_documents(pairs)
    return total_documents


def index_documents(pairs):
    """Saves (document, tags) pairs in batches and adds them to every auto-updated index.

    Documents must be complete (link_group); the database's full-text indexes follow by themselves.
    """
    for start in range(0, len(pairs), BATCH_SIZE):
        batch = pairs[start : start + BATCH_SIZE]
        documents = SearchDocument.objects.bulk_create([document for document, _tags in batch])
        _save_tags(list(zip(documents, [tags for _document, tags in batch], strict=True)))
        for backend in get_search_backends(with_auto_update=True):
            backend.get_index_for_model(SearchDocument).add_items(SearchDocument, documents)
    return len(pairs)
