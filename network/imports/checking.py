"""Checks every line of a file against an import's columns, before anything is written."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .columns import CellError, normalise


@dataclass
class Line:
    number: int  # as the spreadsheet numbers it: the header is line 1
    values: dict


@dataclass
class Report:
    lines: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # French sentences, "Ligne 12 : …"

    @property
    def valid(self):
        return not self.errors and bool(self.lines)


class Terms:
    """The canonical (French) terms of each vocabulary by normalised label and by slug: one query
    per vocabulary for the whole file."""

    def __init__(self):
        self._cache = {}

    def terms(self, vocabulary):
        if vocabulary not in self._cache:
            found = {}
            for term in vocabulary.objects.canonical():
                found[term.slug] = term
                found[normalise(term.name)] = term
            self._cache[vocabulary] = found
        return self._cache[vocabulary]


class PageImporter(Terms):
    """What the structure and event importers share: the parent page, the importing user, the
    lines seen so far (duplicates), and slugs kept unique among the parent's children."""

    slug_fallback = "page"

    def __init__(self, parent, user):
        super().__init__()
        self.parent = parent
        self.user = user
        self._seen = {}
        self._existing = None
        self._slugs = None

    def unique_slug(self, title):
        if self._slugs is None:
            self._slugs = set(self.parent.get_children().values_list("slug", flat=True))
        base = page_slug(title, self.slug_fallback)
        slug, counter = base, 2
        while slug in self._slugs:
            slug, counter = f"{base}-{counter}", counter + 1
        self._slugs.add(slug)
        return slug


def page_slug(title, fallback):
    """The slug Wagtail's editor would give the title (ASCII unless the site allows Unicode)."""
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    return slugify(title, allow_unicode=allow_unicode)[:200] or fallback


def line_error(number, message):
    return _("Ligne %(line)s : %(message)s") % {"line": number, "message": message}


def check(dataset, importer):
    """The report of `dataset` read by `importer` (a StructureImporter or EventImporter)."""
    report = Report()
    positions, problem = _positions(dataset.headers, importer.columns)
    if problem:
        report.errors.append(problem)
        return report
    for index, row in enumerate(dataset):
        number = index + 2
        if not any(str(cell if cell is not None else "").strip() for cell in row):
            continue
        values, errors = {}, []
        for column in importer.columns:
            position = positions.get(column.key)
            raw = row[position] if position is not None else None
            try:
                values[column.key] = column.read(raw, importer)
            except CellError as error:
                errors.append(str(error))
        if not errors:
            errors = importer.check_line(values, number)
        report.errors.extend(line_error(number, message) for message in errors)
        if not errors:
            report.lines.append(Line(number, values))
    if not report.lines and not report.errors:
        report.errors.append(_("Le fichier ne contient aucune ligne à importer."))
    return report


def _positions(headers, columns):
    """{column key: index in the row}, or a French message naming missing or repeated columns."""
    positions, seen = {}, {}
    for index, header in enumerate(headers):
        name = normalise(str(header or "").replace("*", ""))
        for column in columns:
            if name in column.names:
                if column.key in positions:
                    return {}, _("La colonne « %(column)s » figure deux fois dans le fichier.") % {
                        "column": column.header
                    }
                positions[column.key] = index
                seen[column.key] = header
    missing = [column.header for column in columns if column.required and column.key not in positions]
    if missing:
        return {}, _(
            "Colonnes manquantes : %(columns)s. Partez du modèle de fichier, qui porte les bons noms de colonnes."
        ) % {"columns": ", ".join(f"« {name} »" for name in missing)}
    return positions, None
