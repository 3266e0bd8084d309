"""Import of structures into the directory: one line, one OrganisationPage."""

import re

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.vocabularies.models import Public, Sector, StructureType, Zone

from ..models import DirectoryPage, OrganisationPage
from ..models.organisation import LATITUDE_RANGE, LONGITUDE_RANGE
from .checking import PageImporter
from .columns import CellError, Column, decimal, normalise, quoted, term, url

# The first digit(s) of a Belgian postcode tell its province (bpost's ranges): the directory's
# zones are Brussels and the Walloon provinces; Flemish postcodes have no zone of their own.
POSTCODE_ZONES = [
    (1000, 1299, "bruxelles"),
    (1300, 1499, "brabant-wallon"),
    (4000, 4999, "liege"),
    (5000, 5999, "namur"),
    (6000, 6599, "hainaut"),
    (6600, 6999, "luxembourg"),
    (7000, 7999, "hainaut"),
]


def zone_slug_of(postcode):
    number = int(postcode)
    return next((slug for low, high, slug in POSTCODE_ZONES if low <= number <= high), None)


def postcode(value, column, context):
    text = str(int(value)) if isinstance(value, int | float) else str(value).strip()
    if not re.fullmatch(r"\d{4}", text) or int(text) < 1000:
        raise CellError(
            _("le code postal « %(value)s » n’existe pas en Belgique (quatre chiffres, de 1000 à 9999).")
            % {"value": quoted(value)}
        )
    return text


def paragraphs(text):
    """Plain text as the rich text of the description: one paragraph per blank-line block."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", str(text)) if block.strip()]
    return "".join(f"<p>{escape(block)}</p>".replace("\n", "<br/>") for block in blocks)


def field_length(name):
    return OrganisationPage._meta.get_field(name).max_length


class StructureImporter(PageImporter):
    kind = "structures"
    slug_fallback = "structure"
    label = gettext_lazy("structures")
    columns = [
        Column(
            "title",
            "Nom",
            required=True,
            max_length=255,
            aliases=("titre", "nom de la structure"),
            example="Atelier Vélo Solidaire",
        ),
        Column(
            "structure_type",
            "Type de structure",
            term(StructureType),
            required=True,
            aliases=("type",),
            example="CISP",
        ),
        Column(
            "agrement_number",
            "Numéro d'agrément",
            max_length=field_length("agrement_number"),
            aliases=("agrement",),
            example="CISP 123/2024",
        ),
        Column(
            "street_address",
            "Adresse",
            required=True,
            max_length=field_length("street_address"),
            aliases=("rue", "adresse rue et numero"),
            example="Rue de Fer 12",
        ),
        Column("postcode", "Code postal", postcode, required=True, aliases=("cp",), example="5000"),
        Column(
            "municipality",
            "Commune",
            required=True,
            max_length=field_length("municipality"),
            aliases=("localite", "ville"),
            example="Namur",
        ),
        Column("zone", "Zone", term(Zone), aliases=("province",), example="Namur"),
        Column("latitude", "Latitude", decimal, example="50.4669"),
        Column("longitude", "Longitude", decimal, example="4.8675"),
        Column(
            "sectors",
            "Secteurs",
            term(Sector, many=True),
            aliases=("secteur",),
            example="Réparation vélos, Numérique",
        ),
        Column("publics", "Publics", term(Public, many=True), aliases=("public",), example="Jeunes NEET"),
        Column("website", "Site web", url, max_length=200, aliases=("site",), example="https://velo.example"),
        Column("phone", "Téléphone", max_length=field_length("phone"), example="081 12 34 56"),
        Column(
            "description",
            "Présentation",
            max_length=20000,
            aliases=("description",),
            example="Formation en réparation de vélos pour jeunes adultes.",
        ),
    ]

    @classmethod
    def default_parent(cls):
        """The French directory: structures are created there and translated from there."""
        return DirectoryPage.objects.filter(locale__language_code="fr").order_by("path").first()

    # --- Checks -------------------------------------------------------------------------------
    def check_line(self, values, number):
        errors = []
        zone_slug = zone_slug_of(values["postcode"])
        expected = self.terms(Zone).get(zone_slug) if zone_slug else None
        if values["zone"] is None:
            if expected is None:
                errors.append(
                    _(
                        "indiquez la zone : le code postal « %(postcode)s » n’est ni à Bruxelles ni en Wallonie."
                    )
                    % {"postcode": values["postcode"]}
                )
            values["zone"] = expected
        elif expected is not None and values["zone"] != expected:
            errors.append(
                _("le code postal « %(postcode)s » est dans la zone « %(expected)s », pas « %(given)s ».")
                % {"postcode": values["postcode"], "expected": expected.name, "given": values["zone"].name}
            )
        errors += self._check_coordinates(values)
        key = (normalise(values["title"]), values["postcode"])
        if key in self._seen:
            errors.append(
                _("doublon de la ligne %(line)s (même nom et même code postal).") % {"line": self._seen[key]}
            )
        elif key in self.existing():
            errors.append(
                _("la structure « %(title)s » (%(postcode)s) existe déjà dans l’annuaire.")
                % {"title": values["title"], "postcode": values["postcode"]}
            )
        else:
            self._seen[key] = number
        return errors

    def _check_coordinates(self, values):
        latitude, longitude = values["latitude"], values["longitude"]
        if (latitude is None) != (longitude is None):
            return [_("indiquez la latitude et la longitude, ou aucune des deux.")]
        errors = []
        if latitude is not None and not LATITUDE_RANGE[0] <= float(latitude) <= LATITUDE_RANGE[1]:
            errors.append(
                _("la latitude « %(value)s » est hors de Wallonie et de Bruxelles (entre 49,4 et 51,6).")
                % {"value": latitude.normalize()}
            )
        if longitude is not None and not LONGITUDE_RANGE[0] <= float(longitude) <= LONGITUDE_RANGE[1]:
            errors.append(
                _("la longitude « %(value)s » est hors de Wallonie et de Bruxelles (entre 2,4 et 6,5).")
                % {"value": longitude.normalize()}
            )
        return errors

    def existing(self):
        """(name, postcode) of the structures already in the directory (one query)."""
        if self._existing is None:
            self._existing = {
                (normalise(title), code)
                for title, code in OrganisationPage.objects.child_of(self.parent).values_list(
                    "title", "postcode"
                )
            }
        return self._existing

    # --- Pages --------------------------------------------------------------------------------
    def build_page(self, values):
        page = OrganisationPage(
            title=values["title"],
            slug=self.unique_slug(values["title"]),
            structure_type=values["structure_type"],
            agrement_number=values["agrement_number"] or "",
            street_address=values["street_address"],
            postcode=values["postcode"],
            municipality=values["municipality"],
            zone=values["zone"],
            latitude=values["latitude"],
            longitude=values["longitude"],
            website=values["website"] or "",
            phone=values["phone"] or "",
            description=paragraphs(values["description"] or ""),
            owner=self.user,
            locale_id=self.parent.locale_id,
        )
        page.sectors.set(values["sectors"] or [])
        page.publics.set(values["publics"] or [])
        return page

    # --- Preview ------------------------------------------------------------------------------
    preview_headers = [
        gettext_lazy("Nom"),
        gettext_lazy("Type"),
        gettext_lazy("Commune"),
        gettext_lazy("Zone"),
        gettext_lazy("Secteurs"),
    ]

    def preview_cells(self, values):
        return [
            values["title"],
            values["structure_type"].name,
            f"{values['postcode']} {values['municipality']}",
            values["zone"].name if values["zone"] else "",
            ", ".join(term.name for term in values["sectors"] or []),
        ]
