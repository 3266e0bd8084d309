"""Listings in Dutch, German or English list every item, not only the translated ones.

An index page in another language lists the items of its French original (tags, facets and
counts are synchronised, so they are the same), then shows each item in the visitor's language
when a translation is live, or in French, marked `original_language` so the card can carry
`lang="fr"` (WCAG 3.1.2, language of parts).
"""

from django.conf import settings
from django.utils import translation

from .fragments import active_locale, default_locale


def default_locale_page(page):
    """The French original of `page` (the page itself when it is French or has no original)."""
    # Pages are served in their own language: a French visit costs no query here.
    if translation.get_language() == settings.LANGUAGE_CODE:
        return page
    return page.get_translation_or_none(default_locale()) or page


def original_of(page):
    """The French original of `page` whatever the active language (the page itself when it is
    French or has no original): what a translated page's shared records belong to."""
    default = default_locale()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


def in_visitor_language(items, prepare=None):
    """`items` with each one replaced by its live translation in the active language, if any.

    One query whatever the number of items (plus what `prepare` prefetches on that queryset).
    """
    items = list(items)
    active = active_locale()
    for item in items:
        # Set on every item, not only the French originals: a card reading a missing attribute
        # costs Django's template engine a dir() of the whole page object.
        item.original_language = None
    originals = [item for item in items if item.locale_id != active.pk]
    if not originals:
        return items
    model = type(originals[0])
    translations = model.objects.live().filter(
        locale=active, translation_key__in=[item.translation_key for item in originals]
    )
    if prepare is not None:
        translations = prepare(translations)
    by_key = {translation.translation_key: translation for translation in translations}
    shown = []
    for item in items:
        translation = by_key.get(item.translation_key) if item.locale_id != active.pk else item
        if translation is None:
            item.original_language = settings.LANGUAGE_CODE
        else:
            translation.original_language = None
        shown.append(translation or item)
    return shown


def mark_original_language(pages):
    """Marks the pages that are not in the visitor's language (for `lang` on their titles)."""
    active = active_locale()
    for page in pages:
        page.original_language = settings.LANGUAGE_CODE if page.locale_id != active.pk else None
    return pages
