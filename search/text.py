"""French-aware text analysis shared by indexing and querying: accent folding, light stemming,
e-mail scrubbing and highlighted excerpts.

Documents and queries go through the same `analyse()` so that every backend (SQLite FTS5,
PostgreSQL, Elasticsearch) compares the same folded, lightly stemmed words: "reparation velo"
finds "réparation vélos" even where the backend itself knows nothing of French.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"\w+", re.UNICODE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)


def fold_char(char):
    """One character, lower-cased and without accent; length kept so positions still match."""
    decomposed = unicodedata.normalize("NFKD", char.lower())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base if len(base) == 1 else char.lower()


def fold(text):
    """Lower-cased text without accents, same length as the input (é → e, Œ → œ)."""
    return "".join(fold_char(char) for char in text or "")


def light_stem(word, language="fr"):
    """Removes inflexions that never change meaning (plurals, mostly), per language.

    A minimal stemmer in the spirit of Savoy's "minimal French" stemmer used by Lucene: it is
    cautious on purpose, PostgreSQL's snowball stemmers do the rest where available.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    if language == "fr":
        if word.endswith("aux") and len(word) > 5:
            return word[:-3] + "al"
        if word[-1] in "sx":
            word = word[:-1]
        return word
    if language == "en":
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return word
    if language == "nl":
        if word.endswith("en") and len(word) > 5:
            return word[:-2]
        if word.endswith("s") and len(word) > 4:
            return word[:-1]
        return word
    if language == "de":
        for ending in ("en", "er", "e", "n", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
        return word
    return word


def words(text, language="fr"):
    """The folded, lightly stemmed words of a text, in order."""
    return [light_stem(word, language) for word in WORD.findall(fold(text))]


def analyse(text, language="fr"):
    return " ".join(words(text, language))


def scrub_emails(text):
    """Search documents never carry an e-mail address: contact goes through the site's forms."""
    return EMAIL.sub("", text or "")


def highlight(text, query, language="fr", length=240):
    """An excerpt of `text` around the first match of `query`, escaped, matches wrapped in <mark>."""
    text = " ".join((text or "").split())
    folded = fold(text)
    stems = sorted({stem for stem in words(query, language) if len(stem) >= 2}, key=len, reverse=True)
    matches = []
    if stems:
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.UNICODE)
        matches = [(m.start(), m.end()) for m in pattern.finditer(folded)]
    start = 0
    if matches and matches[0][0] > length // 3:
        start = text.rfind(" ", 0, matches[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + 1)
    pieces = ["… " if start else ""]
    cursor = start
    for match_start, match_end in matches:
        if match_start < cursor or match_end > end:
            continue
        pieces.append(escape(text[cursor:match_start]))
        pieces.append(f"<mark>{escape(text[match_start:match_end])}</mark>")
        cursor = match_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append(" …")
    return mark_safe("".join(pieces))
