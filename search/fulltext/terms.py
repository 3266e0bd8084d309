"""A visitor's query as the engines see it: per word, the stems it may have in the index."""

from dataclasses import dataclass, field

from django.conf import settings

from ..text import stem, tokens

MAX_TERMS = 12
# Above this many matches, ranking every one would cost more than a visitor should wait: the title
# matches are ranked, the other matches follow, most recently indexed first (sqlite.py, postgres.py).
RANK_LIMIT = {"sqlite": 3_000, "postgresql": 3_000}


@dataclass
class Match:
    """`groups`: one list of alternative stems per query word; `language`: the visitor's."""

    query: str
    language: str
    groups: list = field(default_factory=list)
    prefixes: list = field(default_factory=list)

    @property
    def terms(self):
        """Every alternative, once."""
        return list(dict.fromkeys(term for group in self.groups for term in group))

    def __bool__(self):
        return bool(self.groups)


def default_language():
    return settings.LANGUAGE_CODE.split("-")[0]


def match_for(query, language):
    """Each word stemmed in the visitor's language and in French: in every language, visitors
    also search the French originals shown to them (their text is analysed in French)."""
    languages = list(dict.fromkeys([language, default_language()]))
    words = list(dict.fromkeys(tokens(query)))[:MAX_TERMS]
    groups = [list(dict.fromkeys(stem(word, code) for code in languages)) for word in words]
    # Suggestions: every word is a word start, as typed (folded) or as its stems.
    prefixes = [list(dict.fromkeys([word, *group])) for word, group in zip(words, groups, strict=True)]
    return Match(query, language, groups, prefixes)
