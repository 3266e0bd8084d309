"""Columns of an import file and the checks of their cells, each failing with a French message.

A `Column` has the French header written in the template file, the names it is also recognised
by (without accents or case), and a parser turning the cell into a value or raising `CellError`.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

BRUSSELS = ZoneInfo("Europe/Brussels")
HTML = re.compile(r"<\s*[a-zA-Z!/?]")
LIST_SEPARATORS = re.compile(r"[,;|\n]")


class CellError(Exception):
    pass


def normalise(text):
    """Lower case, no accents, single spaces: how headers and labels are compared."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@dataclass
class Column:
    key: str
    header: str
    parse: object = None  # callable(text, column, context) -> value; None: the text itself
    required: bool = False
    max_length: int = None
    aliases: tuple = ()
    example: str = ""
    help: str = ""
    names: set = field(init=False)

    def __post_init__(self):
        self.names = {normalise(self.header), normalise(self.key), *map(normalise, self.aliases)}

    def read(self, raw, context):
        """The cell's value (None when empty), or CellError."""
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)  # a workbook's 4000 or 081123456, not "4000.0"
        if isinstance(raw, str) or raw is None:
            text = (raw or "").strip()
            if not text:
                if self.required:
                    raise CellError(_("la colonne « %(column)s » est obligatoire.") % {"column": self.header})
                return None
            if HTML.search(text):
                raise CellError(
                    _("la colonne « %(column)s » contient du HTML : seul du texte est accepté.")
                    % {"column": self.header}
                )
            if self.max_length and len(text) > self.max_length:
                raise CellError(
                    _("la colonne « %(column)s » dépasse %(max)s caractères.")
                    % {"column": self.header, "max": self.max_length}
                )
            raw = text
        return self.parse(raw, self, context) if self.parse else str(raw)


# --- Parsers ----------------------------------------------------------------------------------


def quoted(value):
    return str(value)[:60]


def url(value, column, context):
    value = str(value)
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise CellError(
            _("l’adresse « %(value)s » (colonne « %(column)s ») n’est pas un lien web valide (https://…).")
            % {"value": quoted(value), "column": column.header}
        ) from None
    return value


def decimal(value, column, context):
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except InvalidOperation:
        raise CellError(
            _("« %(value)s » (colonne « %(column)s ») n’est pas un nombre.")
            % {"value": quoted(value), "column": column.header}
        ) from None
    if not number.is_finite():
        raise CellError(
            _("« %(value)s » (colonne « %(column)s ») n’est pas un nombre.")
            % {"value": quoted(value), "column": column.header}
        )
    return number.quantize(Decimal("0.000001"))


def positive_integer(value, column, context):
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not text.isdigit() or len(text) > 6:
        raise CellError(
            _("« %(value)s » (colonne « %(column)s ») doit être un nombre entier positif.")
            % {"value": quoted(value), "column": column.header}
        )
    return int(text)


YES = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
NO = {"non", "n", "no", "faux", "false", "0"}


def boolean(value, column, context):
    if isinstance(value, bool):
        return value
    text = normalise(value)
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(
        _("« %(value)s » (colonne « %(column)s ») : écrivez « oui » ou « non ».")
        % {"value": quoted(value), "column": column.header}
    )


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")
TIME_FORMATS = ("%H:%M", "%Hh%M", "%Hh", "%H:%M:%S", "%H.%M")


def local_datetime(value, column, context):
    """A Brussels date and time: 31/01/2027 14:00, 2027-01-31 14:00, 2027-01-31T14:00, or a
    date alone (midnight); an XLSX date cell is read as it is."""
    if isinstance(value, datetime.datetime):
        naive = value.replace(tzinfo=None)
    elif isinstance(value, datetime.date):
        naive = datetime.datetime.combine(value, datetime.time(0))
    else:
        naive = _parse_datetime_text(str(value).strip())
        if naive is None:
            raise CellError(
                _(
                    "la date « %(value)s » (colonne « %(column)s ») n’est pas lisible : écrivez "
                    "31/01/2027 14:00 ou 2027-01-31 14:00."
                )
                % {"value": quoted(value), "column": column.header}
            )
    return naive.replace(tzinfo=BRUSSELS)


def _parse_datetime_text(text):
    text = text.replace("T", " ", 1) if re.match(r"^\d{4}-\d{2}-\d{2}T", text) else text
    date_part, _sep, time_part = text.partition(" ")
    time_part = time_part.strip().lower()
    for date_format in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(date_part, date_format).date()
        except ValueError:
            continue
        if not time_part:
            return datetime.datetime.combine(day, datetime.time(0))
        for time_format in TIME_FORMATS:
            try:
                moment = datetime.datetime.strptime(time_part, time_format).time()
            except ValueError:
                continue
            return datetime.datetime.combine(day, moment)
        return None
    return None


def choice(choices):
    """A TextChoices value, given by its French label or its value."""
    known = {}
    for value, label in choices.choices:
        known[normalise(value)] = value
        known[normalise(label)] = value

    def parse(value, column, context):
        found = known.get(normalise(value))
        if found is None:
            raise CellError(
                _(
                    "« %(value)s » (colonne « %(column)s ») n’est pas une valeur connue ; valeurs possibles : %(known)s."
                )
                % {
                    "value": quoted(value),
                    "column": column.header,
                    "known": ", ".join(str(label) for _value, label in choices.choices if _value),
                }
            )
        return found

    return parse


def term(vocabulary, many=False):
    """Terms of a vocabulary, by French label or identifier (slug); several separated by commas."""

    def parse(value, column, context):
        terms = context.terms(vocabulary)
        found = []
        for piece in LIST_SEPARATORS.split(str(value)) if many else [str(value)]:
            if not piece.strip():
                continue
            match = terms.get(normalise(piece)) or terms.get(piece.strip())
            if match is None:
                raise CellError(
                    _("« %(value)s » (colonne « %(column)s ») n’est pas dans la liste des %(vocabulary)s.")
                    % {
                        "value": quoted(piece.strip()),
                        "column": column.header,
                        "vocabulary": vocabulary._meta.verbose_name_plural,
                    }
                )
            if match not in found:
                found.append(match)
        return found if many else found[0]

    return parse
