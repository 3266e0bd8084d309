"""Demo translations, loaded the way translators work: through wagtail-localize PO files.

`fixtures/translations/<lang>.po` is a translation memory (French msgid → msgstr, no context).
For each page listed in `fixtures/translations/pages.json`, the loader exports the page's PO file
from wagtail-localize, fills it from the memory, imports it back and publishes the translation.
A page is translated only when the memory covers every one of its strings, so the demo never
publishes a half-French "translation"; the loader says which strings are missing.
"""

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def load(loader):
    ensure_locales()
    plan = loader.read_json("translations/pages.json")
    sources = {}  # one source per page, shared by its three languages (its extraction is costly)
    for language in plan:
        memory_path = loader.fixtures_dir / "translations" / f"{language}.po"
        if not memory_path.exists():
            continue
        memory = {entry.msgid: entry.msgstr for entry in polib.pofile(str(memory_path)) if entry.msgstr}
        locale = Locale.objects.get(language_code=language)
        pages = Page.objects.filter(slug__in=plan[language], locale=loader.locale).order_by("path")
        for page in loader.step(f"traductions ({language})", pages):
            missing = translate_page(page.specific, locale, memory, sources)
            if missing:
                loader.progress(
                    f"  {page.slug} ({language}) non traduite, {len(missing)} textes manquent : {missing[:3]}"
                )


def translate_page(page, locale, memory, sources=None):
    """Translates `page` into `locale` from the memory; returns the source strings it lacks.
    `sources` remembers each page's TranslationSource across languages. A translation published
    after the page's last publication is up to date: it is left as it is."""
    if is_up_to_date(page, page.get_translation_or_none(locale)):
        return []
    sources = {} if sources is None else sources
    if page.pk not in sources:
        sources[page.pk], _created = TranslationSource.update_or_create_from_instance(page)
    source = sources[page.pk]
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        entry.msgstr = memory.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
    if missing:
        return missing
    translation.import_po(po)
    # wagtail-localize defers publishing to the end of the transaction; publish now so that the
    # demo (and the tests that load it inside a transaction) see live translations at once.
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return []


def is_up_to_date(page, translated):
    return (
        translated is not None
        and translated.live
        and not translated.has_unpublished_changes
        and page.last_published_at is not None
        and translated.last_published_at is not None
        and translated.last_published_at >= page.last_published_at
    )
