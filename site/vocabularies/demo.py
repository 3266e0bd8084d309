"""Demo vocabularies and meetup formats from fixtures/taxonomy.json, matched by their stable slug.

Their labels in other languages come from fixtures/taxonomy_translations.json: each becomes the
wagtail-localize translation of the French term (same slug and translation key), as a translator
would create it in the admin. Loading twice updates the same rows.
"""

from wagtail.models import Locale
from wagtail_localize.fields import copy_synchronised_fields

from .models import MeetupFormat, Public, Sector, StructureType, Theme, Zone

MODELS = {
    "sectors": Sector,
    "publics": Public,
    "themes": Theme,
    "structure_types": StructureType,
    "zones": Zone,
    "formats": MeetupFormat,
}
TRANSLATIONS = "taxonomy_translations.json"


def load(loader):
    data = loader.read_json("taxonomy.json")
    for key, model in MODELS.items():
        for order, entry in enumerate(loader.step(model._meta.verbose_name_plural, data[key])):
            fields = {k: v for k, v in entry.items() if k != "slug"}
            model.objects.canonical().update_or_create(
                slug=entry["slug"], defaults={**fields, "sort_order": order}
            )
    translations = loader.read_json(TRANSLATIONS)
    for key, model in MODELS.items():
        translate_terms(loader, model, translations, key)


def translate_terms(loader, model, translations, key):
    """Creates or updates the translations of `model`'s terms listed under `key` for each language."""
    for language, vocabularies in translations.items():
        locale, _created = Locale.objects.get_or_create(language_code=language)
        entries = vocabularies.get(key, {})
        label = f"{model._meta.verbose_name_plural} ({language})"
        originals = {term.slug: term for term in model.objects.canonical().filter(slug__in=entries)}
        for slug in loader.step(label, list(entries)):
            translate_term(originals[slug], locale, entries[slug])


def translate_term(original, locale, fields):
    translation = original.get_translation_or_none(locale) or original.copy_for_translation(locale)
    copy_synchronised_fields(original, translation)  # slug, order, coordinates follow the original
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation
