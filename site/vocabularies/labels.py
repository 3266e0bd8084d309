"""Labels of the shared vocabularies in the visitor's language, falling back to French.

Pages, offers, events and people are always tagged with the French term, the canonical one; its
Dutch, German or English versions are separate rows sharing its `translation_key`
(wagtail-localize). To show a term we look its label up by that key in the active language.
Vocabularies are short, so the labels of all of them in one language are read in one query the
first time a request needs one, then reused: a page listing 10 or 200 tagged cards costs the same.
The memo is emptied when a request starts and whenever a term is saved or deleted.

A French label shown on a page in another language is a `FallbackLabel`: templates render it
marked `lang="fr"` so screen readers pronounce it in French (WCAG 3.1.2, language of parts).
"""

import time

from asgiref.local import Local
from django.apps import apps
from django.conf import settings
from django.db.models import CharField, Value
from django.utils import translation
from django.utils.html import format_html
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


def term_models():
    """Every term model: the models of this app (the app registry spares an import cycle)."""
    return list(apps.get_app_config("vocabularies").get_models())


def _read_labels(language):
    """{model label: {translation_key: label}} of every vocabulary in `language`, in one query."""
    parts = [
        model._default_manager.filter(locale__language_code=language)
        .order_by()
        .annotate(vocabulary=Value(model._meta.label, output_field=CharField()))
        .values_list("vocabulary", "translation_key", "name")
        for model in term_models()
    ]
    labels = {}
    for vocabulary, key, name in parts[0].union(*parts[1:], all=True):
        labels.setdefault(vocabulary, {})[str(key)] = name
    return labels


def labels_in(model, language):
    """{translation_key: label} of `model`'s terms in `language`, read with every other vocabulary
    the first time a request asks for a label in that language, then remembered."""
    store = getattr(_memo, "labels", None)
    if store is None:
        store = _memo.labels = {}
    remembered = store.get(language)
    if remembered is None or remembered[0] < time.monotonic() - MEMO_SECONDS:
        remembered = store[language] = (time.monotonic(), _read_labels(language))
    return remembered[1].get(model._meta.label, {})


class FallbackLabel(str):
    """A term's French label on a page in another language.

    A plain string to Python (JSON, feeds, plain-text e-mails); marked as French in HTML templates,
    which render a value through its `__html__`.
    """

    def __html__(self):
        return format_html('<span lang="{}">{}</span>', default_language(), str(self))


def label_of(term):
    """The term's label in the active language, its French label when it has no translation."""
    language = active_language()
    if language == default_language():
        return term.name
    return labels_in(type(term), language).get(str(term.translation_key)) or FallbackLabel(term.name)


def localized_labels(terms):
    """{pk: label in the active language} for `terms` (at most one query per vocabulary)."""
    return {term.pk: label_of(term) for term in terms}
