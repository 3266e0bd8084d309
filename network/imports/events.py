"""Import of events into one calendar: one line, one EventPage."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelles.vocabularies.models import Public, Sector, Zone

from ..events.models import EventPage
from ..events.models.choices import EventType, RegistrationMode
from .checking import PageImporter
from .columns import BRUSSELS, Column, boolean, choice, local_datetime, normalise, positive_integer, term, url


def field_length(name):
    return EventPage._meta.get_field(name).max_length


class EventImporter(PageImporter):
    kind = "evenements"
    slug_fallback = "evenement"
    label = gettext_lazy("événements")
    columns = [
        Column(
            "title",
            "Titre",
            required=True,
            max_length=255,
            aliases=("nom",),
            example="Rencontre des CISP namurois",
        ),
        Column(
            "start",
            "Début",
            local_datetime,
            required=True,
            aliases=("date de debut", "debut le"),
            example="31/01/2027 14:00",
        ),
        Column(
            "end",
            "Fin",
            local_datetime,
            required=True,
            aliases=("date de fin", "fin le"),
            example="31/01/2027 17:00",
        ),
        Column("all_day", "Toute la journée", boolean, aliases=("journee entiere",), example="non"),
        Column(
            "event_type",
            "Type",
            choice(EventType),
            required=True,
            aliases=("type d evenement",),
            example="Réseautage",
        ),
        Column("organiser", "Organisateur", max_length=field_length("organiser"), example=""),
        Column(
            "introduction",
            "Chapeau",
            max_length=2000,
            aliases=("resume",),
            example="Un après-midi pour échanger entre pairs.",
        ),
        Column("venue", "Lieu", max_length=field_length("venue"), example="Maison de l'emploi"),
        Column("address", "Adresse", max_length=500, example="Rue de Fer 12, 5000 Namur"),
        Column("online_url", "Lien en ligne", url, max_length=200, aliases=("lien de la reunion",)),
        Column("zones", "Zones", term(Zone, many=True), aliases=("zone",), example="Namur"),
        Column("sectors", "Secteurs", term(Sector, many=True), aliases=("secteur",), example="Numérique"),
        Column("publics", "Publics", term(Public, many=True), aliases=("public",), example=""),
        Column("capacity", "Places", positive_integer, aliases=("nombre de places",), example="30"),
        Column("registration_mode", "Inscription", choice(RegistrationMode), example="Sans inscription"),
        Column(
            "registration_url", "Lien d'inscription", url, max_length=200, aliases=("lien d inscription",)
        ),
    ]

    def check_line(self, values, number):
        errors = []
        start, end = values["start"], values["end"]
        if end < start:
            errors.append(
                _("la fin (%(end)s) vient avant le début (%(start)s).")
                % {"end": end.strftime("%d/%m/%Y %H:%M"), "start": start.strftime("%d/%m/%Y %H:%M")}
            )
        if values["registration_mode"] == RegistrationMode.EXTERNAL and not values["registration_url"]:
            errors.append(_("indiquez le lien d’inscription externe (colonne « Lien d'inscription »)."))
        key = (normalise(values["title"]), start)
        if key in self._seen:
            errors.append(
                _("doublon de la ligne %(line)s (même titre et même début).") % {"line": self._seen[key]}
            )
        elif key in self.existing():
            errors.append(
                _("l’événement « %(title)s » du %(start)s existe déjà dans ce calendrier.")
                % {"title": values["title"], "start": start.strftime("%d/%m/%Y %H:%M")}
            )
        else:
            self._seen[key] = number
        return errors

    def existing(self):
        if self._existing is None:
            self._existing = {
                (normalise(title), start.astimezone(BRUSSELS))
                for title, start in EventPage.objects.child_of(self.parent).values_list("title", "start")
            }
        return self._existing

    def build_page(self, values):
        page = EventPage(
            title=values["title"],
            slug=self.unique_slug(values["title"]),
            start=values["start"],
            end=values["end"],
            all_day=bool(values["all_day"]),
            event_type=values["event_type"],
            organiser=values["organiser"] or "",
            introduction=values["introduction"] or "",
            venue=values["venue"] or "",
            address=values["address"] or "",
            online_url=values["online_url"] or "",
            capacity=values["capacity"],
            registration_mode=values["registration_mode"] or RegistrationMode.NONE,
            registration_url=values["registration_url"] or "",
            owner=self.user,
            locale_id=self.parent.locale_id,
        )
        page.zones.set(values["zones"] or [])
        page.sectors.set(values["sectors"] or [])
        page.publics.set(values["publics"] or [])
        return page

    preview_headers = [
        gettext_lazy("Titre"),
        gettext_lazy("Début"),
        gettext_lazy("Fin"),
        gettext_lazy("Type"),
        gettext_lazy("Lieu"),
    ]

    def preview_cells(self, values):
        return [
            values["title"],
            values["start"].strftime("%d/%m/%Y %H:%M"),
            values["end"].strftime("%d/%m/%Y %H:%M"),
            EventType(values["event_type"]).label,
            values["venue"] or values["online_url"] or "",
        ]
