"""Demo loader, run last: search documents for everything the other loaders published, and the
searches an editor proposes to visitors under "Recherches fréquentes" in each language."""

from .indexing import rebuild
from .models import QueryStat

# French words find the French originals shown in every language; the others, the translations.
FEATURED_QUERIES = {
    "fr": ["vélo", "numérique", "logement", "compagnonnage"],
    "nl": ["fiets", "vélo", "numérique"],
    "de": ["vélo", "numérique"],
    "en": ["bicycle", "vélo", "numérique"],
}


def load(loader):
    loader.progress("Documents de recherche")

    def progress(label, done, total):
        if loader.stdout is not None:
            loader.stdout.write(f"  {label} {done}/{total}", ending="\n" if done == total else "\r")

    total = rebuild(progress=progress)
    loader.progress(f"  {total} documents de recherche")
    for language, queries in FEATURED_QUERIES.items():
        for query in queries:
            QueryStat.objects.update_or_create(
                locale=language, query_string=query, defaults={"featured": True}
            )
