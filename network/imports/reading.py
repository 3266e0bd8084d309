"""Reads an uploaded CSV or XLSX file into a tablib Dataset, or says in French why it cannot.

Line numbers matter (errors name them), so blank lines are kept as empty rows: line 1 is the
header, the first data row is line 2, as the spreadsheet shows it.
"""

import csv
import io
import zipfile

import tablib
from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# A workbook is a zip: past this once unzipped, it is not a list of structures (or a zip bomb).
MAX_UNZIPPED_BYTES = 60 * 1024 * 1024
EXTENSIONS = (".csv", ".xlsx")


class FileError(Exception):
    """The file as a whole cannot be read: one message, nothing else is checked."""


def read_upload(upload):
    """The uploaded file as (bytes, extension), after the checks that need no parsing."""
    name = (upload.name or "").lower()
    extension = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if extension == ".xls":
        raise FileError(
            _("Le format .xls (Excel 97-2003) n’est pas lu : enregistrez le fichier en .xlsx ou en .csv.")
        )
    if extension not in EXTENSIONS:
        raise FileError(_("Le fichier doit être un tableau .csv ou .xlsx."))
    if upload.size > MAX_BYTES:
        raise FileError(_("Le fichier dépasse 5 Mo : découpez-le en plusieurs fichiers."))
    content = upload.read(MAX_BYTES + 1)
    if not content.strip():
        raise FileError(_("Le fichier est vide."))
    return content, extension


def read_table(content, extension):
    """A tablib Dataset with the file's header and every line (blank ones included)."""
    if extension == ".xlsx":
        dataset = _read_xlsx(content)
    else:
        dataset = _read_csv(content)
    if not dataset.headers or not any(str(cell or "").strip() for cell in dataset.headers):
        raise FileError(_("La première ligne du fichier doit donner le nom des colonnes."))
    if dataset.height > MAX_ROWS:
        raise FileError(
            _("Le fichier compte %(count)s lignes ; %(max)s au plus par import.")
            % {"count": dataset.height, "max": MAX_ROWS}
        )
    return dataset


def _read_xlsx(content):
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise FileError(_("Ce fichier n’est pas un classeur .xlsx lisible."))
    try:
        unzipped = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(content)).infolist())
    except zipfile.BadZipFile:
        raise FileError(_("Ce fichier n’est pas un classeur .xlsx lisible.")) from None
    if unzipped > MAX_UNZIPPED_BYTES:
        raise FileError(
            _("Ce classeur est trop volumineux une fois ouvert : découpez-le en plusieurs fichiers.")
        )
    try:
        return tablib.Dataset().load(io.BytesIO(content), format="xlsx")
    except tablib.InvalidDimensions:
        raise FileError(
            _("Des cellules sont remplies à droite du tableau, sous aucune colonne : effacez-les.")
        ) from None
    except Exception:  # openpyxl raises many kinds of errors on a damaged or foreign file
        raise FileError(_("Ce fichier n’est pas un classeur .xlsx lisible.")) from None


def _read_csv(content):
    if content[:4] == b"PK\x03\x04":
        raise FileError(_("Ce fichier est un classeur Excel : donnez-lui l’extension .xlsx."))
    if b"\x00" in content:
        raise FileError(_("Ce fichier n’est pas un fichier texte .csv lisible."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in Windows-1252: accents are still read right.
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError:
            raise FileError(_("Ce fichier n’est pas un fichier texte .csv lisible.")) from None
    first_line = text.split("\n", 1)[0]
    # Belgian Excel separates with ";", other tools with ",": the header line tells which.
    delimiter = max(";,\t", key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise FileError(_("Ce fichier .csv est mal formé (guillemets non refermés ?).")) from None
    if not rows:
        raise FileError(_("Le fichier est vide."))
    headers, lines = rows[0], rows[1:]
    width = len(headers)
    dataset = tablib.Dataset(headers=headers)
    for number, row in enumerate(lines, start=2):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise FileError(
                _("Ligne %(line)s : il y a plus de cellules que de colonnes (séparateur « %(sep)s »).")
                % {"line": number, "sep": delimiter}
            )
        dataset.append((row + [""] * width)[:width])
    return dataset
