"""What a result shows under its title: the passage that best matches the query, highlighted.

A document's body keeps one passage per field or paragraph (registry.passages_of). The passage
with the most different query words wins (then the most matches, then the first); a word counts
when one of its stems is one of the query's stems, the same comparison as the search itself, so
"réparer" is marked in a result found for "réparation". Without any matching passage (the title
alone matched) the result shows its summary. Text is escaped before <mark> tags are added.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .fulltext.terms import default_language, match_for
from .text import WORD, fold, stem

EXCERPT_LENGTH = 240


def query_stems(query, language):
    return set(match_for(query, language).terms)


def matching_spans(text, stems, languages):
    """(start, end) of every word of `text` whose stem in one of `languages` is among `stems`."""
    if not stems:
        return []
    spans = []
    for found in WORD.finditer(fold(text)):
        word = found.group()
        if word in stems or any(stem(word, language) in stems for language in languages):
            spans.append(found.span())
    return spans


def highlight(text, query, language="fr", length=EXCERPT_LENGTH, languages=None):
    """An excerpt of `text` around its first match of `query`, escaped, matches wrapped in <mark>."""
    text = " ".join((text or "").split())
    stems = query_stems(query, language)
    spans = matching_spans(text, stems, languages or [language])
    return mark_safe(_excerpt(text, spans, length))


def _excerpt(text, spans, length):
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + 1)
    pieces = ["… " if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append(" …")
    return "".join(pieces)


def best_passage(passages, stems, languages):
    """(passage, spans) of the passage matching the most different query words, or (None, [])."""
    best, best_spans, best_score = None, [], (0, 0)
    for passage in passages:
        spans = matching_spans(passage, stems, languages)
        if not spans:
            continue
        distinct = {fold(passage[start:end]) for start, end in spans}
        score = (len(distinct), len(spans))
        if score > best_score:
            best, best_spans, best_score = passage, spans, score
    return best, best_spans


def decorate(document, query, visitor_language):
    """Sets `title_html`, `excerpt`, `text_language` and `original_language` on a result document."""
    languages = list(dict.fromkeys([document.locale, default_language()]))
    stems = query_stems(query, visitor_language) if query else set()
    document.title_html = mark_safe(
        _excerpt(document.title, matching_spans(document.title, stems, languages), length=500)
    )
    passages = [" ".join(line.split()) for line in document.body.splitlines() if line.strip()]
    passage, spans = best_passage(passages, stems, languages)
    if passage is None:
        lead = " ".join((document.summary or (passages[0] if passages else "")).split())
        passage, spans = lead, matching_spans(lead, stems, languages)
    document.excerpt = mark_safe(_excerpt(passage, spans, EXCERPT_LENGTH)) if passage else ""
    document.text_language = document.locale
    # The card marks a text in another language than the visitor's (lang, hreflang).
    document.original_language = document.locale if document.locale != visitor_language else None
    return document
