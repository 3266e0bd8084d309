"""Labels of the shared vocabularies in the visitor's language, falling back to French.

Pages, offers, events and people are always tagged with the French term, the canonical one; its
Dutch, German or English versions are separate rows sharing its `translation_key`
(wagtail-localize). To show a term we look its label up by that key in the active language.
A vocabulary is short, so all its labels in one language are read in one query the first time
a request needs them, then reused: a page listing 10 or 200 tagged cards costs the same.
The memo is emptied when a request starts and whenever a term is saved or deleted.
"""

import time

from asgiref.local import Local
from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

# Outside requests (tasks, shell), a label renamed by another process shows within a minute.
MEMO_SECONDS = 60

_memo = Local()


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def active_language():
    try:
        return get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return default_language()


def forget_labels(**kwargs):
    """Empties the memo (signal receiver: a request starts, a term changes)."""
    _memo.labels = {}


def labels_in(model, language):
    """{translation_key: label} of every term of `model` in `language`: one query, then remembered."""
    store = getattr(_memo, "labels", None)
    if store is None:
        store = _memo.labels = {}
    key = (model._meta.label, language)
    remembered = store.get(key)
    if remembered is None or remembered[0] < time.monotonic() - MEMO_SECONDS:
        rows = model._default_manager.filter(locale__language_code=language).values_list(
            "translation_key", "name"
        )
        remembered = store[key] = (time.monotonic(), dict(rows))
    return remembered[1]


def label_of(term):
    """The term's label in the active language, its French label when it has no translation."""
    language = active_language()
    if language == default_language():
        return term.name
    return labels_in(type(term), language).get(term.translation_key) or term.name


def localized_labels(terms):
    """{pk: label in the active language} for `terms` (at most one query per vocabulary)."""
    return {term.pk: label_of(term) for term in terms}
