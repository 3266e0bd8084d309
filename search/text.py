"""Text analysis shared by indexing and querying: accent folding, stemming per language (the
snowball stemmers of PyStemmer), e-mail scrubbing.

Documents and queries go through the same `analyse()` so that the database backends (SQLite FTS5,
PostgreSQL) compare the same folded, stemmed words: "reparation velo" finds "réparation vélos",
"repaired" finds "repair" and "fahrrad" finds "Fahrräder", although SQLite knows no language.
Elasticsearch analyses the raw text itself, one analyser per language (search/backends.py).
"""

import re
import unicodedata
from functools import cache, lru_cache

import Stemmer

WORD = re.compile(r"\w+", re.UNICODE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)


@lru_cache(maxsize=8192)
def fold_char(char):
    """One character, lower-cased and without accent; length kept so positions still match."""
    decomposed = unicodedata.normalize("NFKD", char.lower())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base if len(base) == 1 else char.lower()


def fold(text):
    """Lower-cased text without accents, same length as the input (é → e, Œ → œ)."""
    return "".join(map(fold_char, text or ""))


# Snowball stemmers (PyStemmer) by language code; a language without one is only folded.
SNOWBALL = {"fr": "french", "nl": "dutch", "de": "german", "en": "english"}


@cache
def stemmer(language):
    name = SNOWBALL.get(language)
    return Stemmer.Stemmer(name) if name else None


def light_stem(word, language="fr"):
    """French plurals first ("velos" → "velo"): the French snowball stemmer keeps the s after a
    vowel, so without this "vélos" and "vélo" would not meet."""
    if language == "fr" and len(word) > 3 and not word.isdigit():
        if word.endswith("aux") and len(word) > 5:
            return word[:-3] + "al"
        if word[-1] in "sx":
            return word[:-1]
    return word


@lru_cache(maxsize=100_000)
def stem(word, language="fr"):
    """The stem of one folded word in `language` (the same on every backend: done here, in Python)."""
    if len(word) <= 2 or word.isdigit():
        return word
    snowball = stemmer(language)
    word = light_stem(word, language)
    return snowball.stemWord(word) if snowball else word


def tokens(text):
    """The folded words of a text, in order."""
    return WORD.findall(fold(text))


def words(text, language="fr"):
    """The folded, stemmed words of a text, in order."""
    return [stem(word, language) for word in tokens(text)]


def analyse(text, language="fr"):
    return " ".join(words(text, language))


def scrub_emails(text):
    """Search documents never carry an e-mail address: contact goes through the site's forms."""
    return EMAIL.sub("", text or "")
