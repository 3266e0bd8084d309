"""Keeps SearchDocument in step with the content: one object at a time (signals) or all (rebuild).

On PostgreSQL the analysed text also carries the snowball stems of the document's own language
(`to_tsvector('dutch', …)` for Dutch…): Wagtail's database backend applies one configuration
("french", settings.WAGTAILSEARCH_BACKENDS) to every document, so Dutch, German and English
words get their own stemming here, and the query goes through the same function (querying.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.search.backends import get_search_backends

from . import registry
from .models import SearchDocument
from .models.documents import VOCABULARY_LINKS
from .text import analyse, scrub_emails

POSTGRES_CONFIGS = {"fr": "french", "nl": "dutch", "de": "german", "en": "english"}
BATCH_SIZE = 200


def language_of(locale):
    return (locale or "fr").split("-")[0].lower()


def stems(text, locale):
    """PostgreSQL snowball stems of `text` in the locale's language ('' elsewhere)."""
    config = POSTGRES_CONFIGS.get(language_of(locale))
    if connection.vendor != "postgresql" or not config or not text.strip():
        return ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_to_string(tsvector_to_array(to_tsvector(%s::regconfig, %s)), ' ')",
            [config, text[:100_000]],
        )
        return cursor.fetchone()[0] or ""


def analysed(text, locale):
    language = language_of(locale)
    folded = analyse(text, language)
    return f"{folded} {stems(folded, locale)}".strip()


def build_document(source, obj):
    """An unsaved SearchDocument for `obj` and its tags by vocabulary."""
    title = scrub_emails(source.title(obj))[:500]
    body = scrub_emails(source.body_text(obj))
    locale = source.locale(obj)
    document = SearchDocument(
        source_type=ContentType.objects.get_for_model(type(obj)),
        source_id=str(obj.pk),
        doc_type=source.type_key,
        locale=locale,
        title=title,
        body=body,
        url=source.url(obj)[:500],
        date=source.date(obj),
        search_title=analysed(title, locale),
        search_body=analysed(body, locale),
    )
    return document, source.tags(obj)


def _save_tags(pairs):
    for name, (through, _tag_model) in VOCABULARY_LINKS.items():
        through.objects.bulk_create(
            [through(document=document, tag=tag) for document, tags in pairs for tag in tags.get(name, [])]
        )


def _existing(obj):
    return SearchDocument.objects.filter(
        source_type=ContentType.objects.get_for_model(type(obj)), source_id=str(obj.pk)
    )


@transaction.atomic
def sync_object(obj):
    """Creates, updates or removes the document of one object, as its source says it is public."""
    source = registry.source_for(obj)
    if source is None:
        return None
    remove_object(obj)
    if not source.is_public(obj):
        return None
    document, tags = build_document(source, obj)
    document.save()  # Wagtail's post_save handler updates the search index
    _save_tags([(document, tags)])
    return document


def remove_object(obj):
    for document in _existing(obj):
        document.delete()  # one by one: Wagtail's post_delete handler drops the index entry


def rebuild(progress=None):
    """Rebuilds every document from the registered sources; `progress(label, done, total)`."""
    with transaction.atomic():
        # Deleted through the ORM so Wagtail's post_delete handler drops each index entry.
        SearchDocument.objects.all().delete()
        total_documents = 0
        for source in registry.sources():
            objects = list(source.get_queryset())
            pairs = []
            for number, obj in enumerate(objects, start=1):
                if source.is_public(obj):
                    pairs.append(build_document(source, obj))
                if progress:
                    progress(str(source.label), number, len(objects))
            total_documents += index_documents(pairs)
    return total_documents


def index_documents(pairs):
    """Saves (document, tags) pairs in batches and adds them to every auto-updated index."""
    for start in range(0, len(pairs), BATCH_SIZE):
        batch = pairs[start : start + BATCH_SIZE]
        documents = SearchDocument.objects.bulk_create([document for document, _tags in batch])
        _save_tags(list(zip(documents, [tags for _document, tags in batch], strict=True)))
        for backend in get_search_backends(with_auto_update=True):
            backend.get_index_for_model(SearchDocument).add_items(SearchDocument, documents)
    return len(pairs)
