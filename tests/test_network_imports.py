"""Spreadsheet imports of structures and events by coordinators (network/imports)."""

import io
import re
import zipfile
import zoneinfo
from datetime import datetime

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from network.events.models import EventPage
from network.models import ImportBatch, OrganisationPage
from search.models import SearchDocument
from tests.factories_network import public, sector, structure_type, zone

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
HEADER = "Nom;Type de structure;Numéro d'agrément;Adresse;Code postal;Commune;Zone;Secteurs;Publics;Site web"


@pytest.fixture
def world(roles_world):
    world = roles_world
    for slug in ("namur", "liege", "hainaut", "bruxelles"):
        zone(slug)
    structure_type("cisp", "CISP")
    structure_type("ei", "EI")
    sector("reparation-velos", "Réparation vélos")
    sector("numerique", "Numérique")
    public("neet", "Jeunes NEET")
    return world


def client_for(client, world, role):
    client.force_login(world.users[role])
    return client


def structure_line(n, postcode="5000", sectors="Réparation vélos, numerique", name=None):
    return (
        f"{name or f'Atelier importé {n}'};CISP;CISP {n}/2026;Rue du Travail {n};{postcode};Namur;;"
        f"{sectors};Jeunes NEET;https://atelier{n}.example"
    )


def csv_file(lines, name="structures.csv", header=HEADER):
    return SimpleUploadedFile(name, ("\n".join([header, *lines]) + "\n").encode("utf-8"), "text/csv")


def upload(client, kind, file, **data):
    return client.post(reverse("network_imports_upload", args=[kind]), {"file": file, **data})


def errors_of(response):
    return re.findall(r"<li>(Ligne \d+ : [^<]*)</li>", response.content.decode())


def confirm(client, response):
    assert response.status_code == 302, response.content.decode()[:3000]
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    return preview, client.post(response["Location"])


def test_thousand_structures_with_three_bad_lines_show_three_errors_and_write_nothing(client, world):
    client = client_for(client, world, "administration")
    lines = [structure_line(n) for n in range(1, 1001)]
    lines[10] = structure_line(11, postcode="99999")  # line 12 of the file
    lines[499] = structure_line(500, sectors="Réparation vélos, Astronautique")
    lines[899] = structure_line(900, name="<script>alert(1)</script>")
    before = OrganisationPage.objects.count()

    response = upload(client, "structures", csv_file(lines))

    assert response.status_code == 200
    assert errors_of(response) == [
        "Ligne 12 : le code postal « 99999 » n’existe pas en Belgique (quatre chiffres, de 1000 à 9999).",
        "Ligne 501 : « Astronautique » (colonne « Secteurs ») n’est pas dans la liste des secteurs.",
        "Ligne 901 : la colonne « Nom » contient du HTML : seul du texte est accepté.",
    ]
    assert "Le fichier contient 3 erreurs : rien n’a été importé." in response.content.decode()
    assert OrganisationPage.objects.count() == before
    assert not ImportBatch.objects.exists()


# More lines than the preview shows (20); the 1,000-line file is checked above. How long large
# imports take is for the benchmark: Wagtail saves, revises and publishes each page.
LINES = 30


def test_a_fixed_file_imports_in_one_transaction_then_undo(client, world):
    client = client_for(client, world, "administration")
    before = OrganisationPage.objects.count()
    response = upload(client, "structures", csv_file([structure_line(n) for n in range(1, LINES + 1)]))
    preview = client.get(response["Location"])
    content = preview.content.decode()
    assert f"{LINES} éléments (structures) seront créés dans « Annuaire des structures »" in content
    assert "Ils seront publiés aussitôt." in content
    assert "Atelier importé 20" in content and "Atelier importé 21" not in content  # first 20 lines

    done = client.post(response["Location"])

    assert done.status_code == 302 and done["Location"] == reverse("network_imports")
    imported = OrganisationPage.objects.filter(title__startswith="Atelier importé")
    assert imported.count() == LINES == OrganisationPage.objects.count() - before
    page = imported.get(title="Atelier importé 7")
    assert page.live and page.get_parent().pk == world.directory.pk
    assert page.locale.language_code == "fr" and page.owner == world.users["administration"]
    assert page.zone.slug == "namur" and page.postcode == "5000"  # zone from the postcode
    assert sorted(page.sectors.values_list("slug", flat=True)) == ["numerique", "reparation-velos"]
    assert page.latest_revision_id and page.live_revision_id == page.latest_revision_id
    documents = SearchDocument.objects.filter(title__startswith="Atelier importé")
    assert (
        documents.count() == LINES
        and documents.filter(source_id=str(page.pk), url__endswith=f"/{page.slug}/").exists()
    )
    assert Page.objects.get(pk=world.directory.pk).numchild == before + LINES - 0  # tree kept consistent
    history = client.get(reverse("network_imports")).content.decode()
    assert "Annuler cet import" in history and "structures.csv" in history

    batch = ImportBatch.objects.get()
    imported_ids = list(imported.values_list("pk", flat=True))
    assert client.get(reverse("network_imports_undo", args=[batch.pk])).status_code == 200
    client.post(reverse("network_imports_undo", args=[batch.pk]))
    assert not OrganisationPage.objects.filter(title__startswith="Atelier importé").exists()
    deletions = PageLogEntry.objects.filter(action="wagtail.delete", page_id__in=imported_ids)
    assert deletions.filter(user=world.users["administration"]).count() == LINES  # in each page's history
    assert OrganisationPage.objects.count() == before
    assert Page.objects.get(pk=world.directory.pk).numchild == before
    assert not SearchDocument.objects.filter(title__startswith="Atelier importé").exists()
    batch.refresh_from_db()
    assert batch.status == "annule"


def test_a_database_failure_in_the_middle_leaves_nothing_written(client, world):
    """A real constraint of the database (a partial unique index) refuses line 52: the lines
    before it are rolled back too, and the coordinator is told which line failed."""
    client = client_for(client, world, "administration")
    lines = [structure_line(n) for n in range(1, 101)]
    lines[49] = structure_line(50, name="Refusée par la base A")
    lines[50] = structure_line(51, name="Refusée par la base B")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test's transaction holds deferred foreign-key checks: PostgreSQL runs them first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "CREATE UNIQUE INDEX test_import_refused ON wagtailcore_page ((1)) "
            "WHERE title LIKE 'Refusée par la base%'"
        )
    before = OrganisationPage.objects.count()
    _preview, done = confirm(client, upload(client, "structures", csv_file(lines)))

    assert done.status_code == 200
    assert "Ligne 52 : l’enregistrement a échoué (refusé par la base de données). Rien n’a été importé." in (
        done.content.decode()
    )
    assert OrganisationPage.objects.count() == before
    assert ImportBatch.objects.get().status == "attente"


def test_undo_is_refused_once_an_imported_page_was_edited(client, world):
    client = client_for(client, world, "administration")
    confirm(client, upload(client, "structures", csv_file([structure_line(1), structure_line(2)])))
    page = OrganisationPage.objects.get(title="Atelier importé 2")
    page.phone = "081 00 00 00"
    page.save_revision(user=world.users["administration"])
    batch = ImportBatch.objects.get()

    assert (
        "Atelier importé 2" in client.get(reverse("network_imports_undo", args=[batch.pk])).content.decode()
    )
    response = client.post(reverse("network_imports_undo", args=[batch.pk]), follow=True)

    assert "Annulation impossible : 1 page(s) ont été modifiées depuis l’import" in response.content.decode()
    assert OrganisationPage.objects.filter(title__startswith="Atelier importé").count() == 2


def test_a_coordinator_imports_structures_as_drafts_for_moderation(client, world):
    client = client_for(client, world, "coordination")
    preview, done = confirm(client, upload(client, "structures", csv_file([structure_line(1)])))
    assert "enregistrés comme brouillons" in preview.content.decode()
    page = OrganisationPage.objects.get(title="Atelier importé 1")
    assert not page.live and page.has_unpublished_changes and page.latest_revision_id


EVENT_HEADER = "Titre;Début;Fin;Type;Lieu;Zones;Secteurs;Places;Inscription"


def test_a_coordinator_imports_events_into_their_calendar_with_belgian_dates(client, world):
    client = client_for(client, world, "coordination")
    calendar = world.event.get_parent()
    file = csv_file(
        [
            "Rencontre vélo;31/03/2027 14:00;31/03/2027 17:30;Réseautage;Atelier;Namur, Liège;numerique;25;site",
            "Visite du tri;2027-04-01T09:00;2027-04-01 12:00;visite;Ressourcerie;hainaut;;;Sans inscription",
        ],
        name="agenda.csv",
        header=EVENT_HEADER,
    )
    _preview, done = confirm(client, upload(client, "evenements", file, calendar=calendar.pk))

    assert done.status_code == 302
    first = EventPage.objects.get(title="Rencontre vélo")
    assert first.get_parent().pk == calendar.pk and first.live  # coordinators publish in their calendar
    assert first.start == datetime(2027, 3, 31, 14, 0, tzinfo=BRUSSELS)
    assert first.end == datetime(2027, 3, 31, 17, 30, tzinfo=BRUSSELS)
    assert sorted(first.zones.values_list("slug", flat=True)) == ["liege", "namur"]
    assert first.capacity == 25 and first.registration_mode == "site" and first.event_type == "reseautage"
    assert first.organiser == calendar.specific.organiser
    second = EventPage.objects.get(title="Visite du tri")
    # Summer time: 09:00 in Brussels is 07:00 UTC.
    assert second.start.astimezone(zoneinfo.ZoneInfo("UTC")).hour == 7 and second.event_type == "visite"


def test_a_coordinator_cannot_import_into_a_calendar_they_do_not_coordinate(client, world):
    client = client_for(client, world, "coordination")
    other = Page.objects.get(title="Réseau de Liège")
    file = csv_file(["Rencontre;31/03/2027 14:00;31/03/2027 17:00;Réseautage;;;;;"], header=EVENT_HEADER)
    response = upload(client, "evenements", file, calendar=other.pk)
    assert response.status_code == 200
    assert "Vous ne coordonnez pas ce calendrier" in response.content.decode()
    assert not EventPage.objects.filter(title="Rencontre").exists()


def test_event_lines_are_checked_too(client, world):
    client = client_for(client, world, "coordination")
    calendar = world.event.get_parent()
    file = csv_file(
        [
            "Rencontre;32/03/2027 14:00;31/03/2027 17:00;Réseautage;;;;;",
            "Rencontre B;31/03/2027 14:00;30/03/2027 17:00;Pique-nique;;Mars;;-3;",
            "Rencontre C;31/03/2027 14:00;31/03/2027 17:00;Réseautage;;;;;",
            "Rencontre C;31/03/2027 14:00;31/03/2027 17:00;Réseautage;;;;;",
        ],
        header=EVENT_HEADER,
    )
    errors = errors_of(upload(client, "evenements", file, calendar=calendar.pk))
    assert errors[0].startswith(
        "Ligne 2 : la date « 32/03/2027 14:00 » (colonne « Début ») n’est pas lisible"
    )
    assert any(
        e.startswith("Ligne 3 : « Pique-nique » (colonne « Type ») n’est pas une valeur connue")
        for e in errors
    )
    assert "Ligne 3 : « Mars » (colonne « Zones ») n’est pas dans la liste des zones." in errors
    assert "Ligne 3 : « -3 » (colonne « Places ») doit être un nombre entier positif." in errors
    assert errors[-1] == "Ligne 5 : doublon de la ligne 4 (même titre et même début)."


@pytest.mark.parametrize(
    "url_name,args",
    [
        ("network_imports", []),
        ("network_imports_upload", ["structures"]),
        ("network_imports_upload", ["evenements"]),
        ("network_imports_template", ["structures", "csv"]),
    ],
)
def test_a_member_cannot_open_the_imports(client, world, url_name, args):
    client = client_for(client, world, "membre")
    before = Page.objects.count()
    for response in (
        client.get(reverse(url_name, args=args)),
        client.post(
            reverse("network_imports_upload", args=["structures"]), {"file": csv_file([structure_line(1)])}
        ),
    ):
        # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message.
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert Page.objects.count() == before and not ImportBatch.objects.exists()
    assert '"/admin/imports/"' not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_menu_and_history_are_offered_to_coordinators(client, world):
    client = client_for(client, world, "coordination")
    assert '"/admin/imports/"' in client.get(reverse("wagtailadmin_home")).content.decode()
    content = client.get(reverse("network_imports")).content.decode()
    assert "Importer des structures" in content and "Importer des événements" in content


def test_the_xlsx_template_imports_as_it_is(client, world):
    client = client_for(client, world, "administration")
    template = client.get(reverse("network_imports_template", args=["structures", "xlsx"]))
    assert template["Content-Disposition"] == 'attachment; filename="modele-import-structures.xlsx"'
    dataset = tablib.Dataset().load(io.BytesIO(template.content), format="xlsx")
    assert dataset.headers[:3] == ["Nom", "Type de structure", "Numéro d'agrément"]
    file = SimpleUploadedFile("modele.xlsx", template.content)
    _preview, done = confirm(client, upload(client, "structures", file))
    assert OrganisationPage.objects.filter(title="Atelier Vélo Solidaire", zone__slug="namur").exists()
    csv_template = client.get(reverse("network_imports_template", args=["structures", "csv"]))
    assert csv_template.content.decode("utf-8-sig").startswith("Nom;Type de structure;")


def zip_bomb():
    """A small zip that unzips to 100 MB: refused before openpyxl reads it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (100 * 1024 * 1024))
    return buffer.getvalue()


def xlsx_bytes(rows):
    dataset = tablib.Dataset(headers=HEADER.split(";"))
    for row in rows:
        dataset.append(row)
    return dataset.export("xlsx")


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("vide.csv", b"", "Le fichier est vide."),
        ("blancs.csv", b"  \n\n", "Le fichier est vide."),
        ("structures.pdf", b"%PDF-1.4", "Le fichier doit être un tableau .csv ou .xlsx."),
        ("vieux.xls", b"\xd0\xcf\x11\xe0", "Le format .xls (Excel 97-2003) n’est pas lu"),
        ("binaire.csv", bytes(range(256)) * 4, "Ce fichier n’est pas un fichier texte .csv lisible."),
        (
            "binaire.xlsx",
            b"\x89PNG\r\n" + bytes(range(256)),
            "Ce fichier n’est pas un classeur .xlsx lisible.",
        ),
        ("faux.xlsx", b"PK\x03\x04" + b"\x00" * 100, "Ce fichier n’est pas un classeur .xlsx lisible."),
        ("gros.csv", b"a" * (5 * 1024 * 1024 + 1), "Le fichier dépasse 5 Mo"),
        ("bombe.xlsx", zip_bomb(), "Ce classeur est trop volumineux une fois ouvert"),
        (
            "colonnes.csv",
            b"Nom;Commune\nA;Namur\n",
            "Colonnes manquantes : « Type de structure », « Adresse », « Code postal ».",
        ),
        ("entete.csv", HEADER.encode(), "Le fichier ne contient aucune ligne à importer."),
        ("guillemets.csv", (HEADER + '\n"A;B\n').encode(), "Le fichier contient"),
    ],
)
def test_bad_files_get_a_french_message_and_change_nothing(client, world, name, content, message):
    client = client_for(client, world, "administration")
    before = Page.objects.count()
    response = upload(client, "structures", SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Page.objects.count() == before and not ImportBatch.objects.exists()


def test_no_file_and_a_windows_csv(client, world):
    client = client_for(client, world, "administration")
    response = client.post(reverse("network_imports_upload", args=["structures"]), {})
    assert "Choisissez un fichier à importer." in response.content.decode()
    latin = ("\n".join([HEADER, structure_line(1, name="Équipe Liège")]) + "\n").encode("cp1252")
    confirm(client, upload(client, "structures", SimpleUploadedFile("excel.csv", latin)))
    assert OrganisationPage.objects.filter(title="Équipe Liège").exists()


def test_duplicates_existing_structures_and_zones_are_reported(client, world):
    client = client_for(client, world, "administration")
    world.own_structure.postcode = "6200"
    world.own_structure.save()
    lines = [
        structure_line(1),
        structure_line(1),
        structure_line(3, name=world.own_structure.title, postcode="6200"),
        structure_line(4, postcode="9000"),
        structure_line(5, sectors="<b>Numérique</b>"),
        "Atelier 6;Garage;;Rue 1;4000;Liège;Namur;;;ftp://x",
    ]
    errors = errors_of(upload(client, "structures", csv_file(lines)))
    assert errors == [
        "Ligne 3 : doublon de la ligne 2 (même nom et même code postal).",
        f"Ligne 4 : la structure « {world.own_structure.title} » (6200) existe déjà dans l’annuaire.",
        "Ligne 5 : indiquez la zone : le code postal « 9000 » n’est ni à Bruxelles ni en Wallonie.",
        "Ligne 6 : la colonne « Secteurs » contient du HTML : seul du texte est accepté.",
        "Ligne 7 : « Garage » (colonne « Type de structure ») n’est pas dans la liste des types de structure.",
        "Ligne 7 : l’adresse « ftp://x » (colonne « Site web ») n’est pas un lien web valide (https://…).",
    ]
    # The zone and the postcode disagree: said once the cells are right.
    errors = errors_of(upload(client, "structures", csv_file(["Atelier 6;CISP;;Rue 1;4000;Liège;Namur;;;"])))
    assert errors == ["Ligne 2 : le code postal « 4000 » est dans la zone « Liège », pas « Namur »."]


def test_xlsx_cells_keep_their_types(client, world):
    client = client_for(client, world, "administration")
    content = xlsx_bytes([["Atelier XL", "CISP", "", "Rue 1", 5000, "Namur", "namur", "", "", ""]])
    confirm(client, upload(client, "structures", SimpleUploadedFile("a.xlsx", content)))
    assert OrganisationPage.objects.get(title="Atelier XL").postcode == "5000"


def test_xlsx_date_cells_import_as_brussels_times(client, world):
    client = client_for(client, world, "coordination")
    calendar = world.event.get_parent()
    dataset = tablib.Dataset(headers=["Titre", "Début", "Fin", "Type", "Toute la journée"])
    dataset.append(
        ["Journée portes ouvertes", datetime(2027, 10, 2, 9, 30), datetime(2027, 10, 2, 16), "Visite", "oui"]
    )
    file = SimpleUploadedFile("agenda.xlsx", dataset.export("xlsx"))
    confirm(client, upload(client, "evenements", file, calendar=calendar.pk))
    event = EventPage.objects.get(title="Journée portes ouvertes")
    assert event.start == datetime(2027, 10, 2, 9, 30, tzinfo=BRUSSELS) and event.all_day
