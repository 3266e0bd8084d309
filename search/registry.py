"""Search sources: how each content type becomes a search document.

An app makes its type searchable with a module `<app>/search_sources.py` (discovered when
Django starts) that registers a source:

    from search.registry import PageSource, register

    @register
    class FicheSource(PageSource):
        model = FicheActionPage
        type_key = "fiche"                      # value of the ?type= facet
        label = _("Fiche action")              # shown on results and in the facet
        vocabularies = {"sectors": "sectors", "publics": "publics", "themes": "themes"}

        def body(self, page):
            return [page.problem, page.objectives, page.steps]

`PageSource` indexes live, publicly viewable pages of `model` (not subclasses), and follows
publish, unpublish and delete. For other models (people, snippets), subclass `SearchSource`
and give `get_queryset()` (the public objects, e.g. people who gave consent), `is_public(obj)`,
`title`, `url`, `locale`; the document follows post_save and post_delete.

    @register
    class CompagnonSource(SearchSource):
        model = Person
        type_key = "compagnon"
        label = _("Compagnon")
        vocabularies = {"sectors": "sectors", "zones": lambda person: [person.organisation.zone]}

        def get_queryset(self):
            return Person.objects.filter(consent=True).select_related("organisation__zone")

        def is_public(self, person):
            return person.consent

        def body(self, person):
            return [person.role, person.expertise]  # never the e-mail address

`vocabularies` maps a document vocabulary ("sectors", "publics", "zones", "structure_types",
"themes") to an attribute of the object returning tags (a ClusterTaggableManager, a manager or
a list), or to a callable taking the object. Text returned by `body()` is cleaned of HTML and
e-mail addresses before it is stored, one passage per field or paragraph: a result shows the
passage that best matches the query, or `summary()` (the lead: "summary", "introduction" or
"description" field of a page) when only its title matches. `date()` is the content's own date
(a fiche's last review, an event's start; a page's last publication otherwise), if any. Then run
`manage.py rebuild_search_documents`.

Translatable objects (pages) are grouped with their translations: each language shows one
document per content, its translation when live, otherwise the French original (indexing.py).
"""

import html
import re

from django.utils.html import strip_tags

# Block-level ends in rich text: each paragraph, item or heading becomes its own passage.
BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|div|tr)>|<br\s*/?>", re.IGNORECASE)
LEAD_FIELDS = ("summary", "introduction", "description")

_sources = {}


class SearchSource:
    model = None
    type_key = ""
    label = ""
    vocabularies = {}

    def get_queryset(self):
        """The public objects of this type (prefetch what body() and vocabularies need)."""
        return self.model._default_manager.all()

    def is_public(self, obj):
        return True

    def title(self, obj):
        return str(obj)

    def body(self, obj):
        """Text to search: a string or a list of strings (HTML is stripped)."""
        return ""

    def url(self, obj):
        return obj.get_absolute_url()

    def locale(self, obj):
        locale = getattr(obj, "locale", None)
        return locale.language_code if locale else "fr"

    def date(self, obj):
        """The content's own date (a date or an aware datetime), shown on the result; None: no date."""
        return None

    def summary(self, obj):
        """The lead shown under the title when no passage of the body matches the query."""
        return ""

    def tags(self, obj):
        """{"sectors": [Sector, ...], ...} from `vocabularies`."""
        result = {}
        for name, attribute in self.vocabularies.items():
            value = attribute(obj) if callable(attribute) else getattr(obj, attribute)
            result[name] = list(value.all()) if hasattr(value, "all") else list(value or [])
        return result

    def passages(self, obj):
        """The body as plain-text passages (one per field or paragraph), without repeats."""
        parts = self.body(obj)
        return passages_of(parts if isinstance(parts, list | tuple) else [parts])

    def summary_text(self, obj):
        lead = passages_of([self.summary(obj)])
        return " ".join(lead)


def passages_of(parts):
    found = []
    for part in parts:
        if not part:
            continue
        text = html.unescape(strip_tags(BLOCK_END.sub("\n", str(part))))
        for line in text.splitlines():
            line = " ".join(line.split())
            if line and line not in found:
                found.append(line)
    return found


class PageSource(SearchSource):
    """A Wagtail page type: live, publicly viewable pages; dated by their last publication unless
    the type has a date of its own (a fiche's review, an event's start).

    `text_fields` names the fields whose text is searched (text, rich text or StreamField).
    """

    text_fields = ("introduction", "body")

    def get_queryset(self):
        return self.model.objects.live().public().exact_type(self.model).select_related("locale")

    def is_public(self, page):
        if not page.live or type(page) is not self.model:
            return False
        return not page.get_view_restrictions().exists()

    def title(self, page):
        return page.title

    def body(self, page):
        parts = [page.search_description]
        for name in self.text_fields:
            value = getattr(page, name, None)
            if value is None:
                continue
            stream_block = getattr(value, "stream_block", None)
            parts.extend(stream_block.get_searchable_content(value) if stream_block else [value])
        return parts

    def url(self, page):
        return page.get_url() or page.url_path

    def date(self, page):
        """The last publication: the only date of a page without one of its own."""
        return page.last_published_at or page.first_published_at

    def summary(self, page):
        for name in LEAD_FIELDS:
            value = getattr(page, name, None)
            if value and isinstance(value, str):
                return value
        return page.search_description


def register(source_class):
    """Registers a SearchSource subclass (usable as a class decorator)."""
    source = source_class()
    _sources[source.type_key] = source
    return source_class


def unregister(type_key):
    _sources.pop(type_key, None)


def sources():
    return list(_sources.values())


def source_for_type(type_key):
    return _sources.get(type_key)


def source_for(obj):
    for source in _sources.values():
        if type(obj) is source.model:
            return source
    return None


def type_choices():
    return [(source.type_key, source.label) for source in _sources.values()]


def type_labels():
    return {source.type_key: source.label for source in _sources.values()}


def models():
    return {source.model for source in _sources.values()}
