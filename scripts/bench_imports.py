"""Import benchmark (not a test): a file of structures imported through the admin, then undone.

    .venv/bin/python scripts/bench_imports.py                   # 200 lines, SQLite
    .venv/bin/python scripts/bench_imports.py --lines 1000
    DATABASE_URL=postgres://… .venv/bin/python scripts/bench_imports.py

It runs in a throwaway test database (created and destroyed by Django's test machinery), with a
directory page, the vocabularies the lines use and an administrator. Each step goes through the
admin's own views (Django test client): checking the file and showing its preview, writing the
pages (Wagtail saves, revises and publishes each one), then undoing the import.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "Nom;Type de structure;Numéro d'agrément;Adresse;Code postal;Commune;Zone;Secteurs;Publics;Site web"


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passerelles.settings.test")
    import django

    django.setup()


def structures_file(lines):
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = [
        f"Atelier importé {n};CISP;CISP {n}/2026;Rue du Travail {n};5000;Namur;;Réparation vélos;Jeunes NEET;"
        f"https://atelier{n}.example"
        for n in range(1, lines + 1)
    ]
    return SimpleUploadedFile("structures.csv", ("\n".join([HEADER, *rows]) + "\n").encode(), "text/csv")


def network():
    """A home, a directory, the vocabularies the file names, and an administrator."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page, Site

    from passerelles.demo_loading import ensure_page_tree
    from tests.factories import HomePageFactory
    from tests.factories_network import DirectoryPageFactory, public, sector, structure_type, zone

    ensure_page_tree()
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Passerelles", slug="accueil")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Passerelles"},
    )
    DirectoryPageFactory(parent=home)
    zone("namur")
    structure_type("cisp", "CISP")
    sector("reparation-velos", "Réparation vélos")
    public("neet", "Jeunes NEET")
    return get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-imports")


def timed(step):
    started = time.perf_counter()
    result = step()
    return result, time.perf_counter() - started


def run(lines):
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from network.models import ImportBatch, OrganisationPage

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        client = Client()
        client.force_login(network())
        upload_url = reverse("network_imports_upload", args=["structures"])
        checked, check_time = timed(lambda: client.post(upload_url, {"file": structures_file(lines)}))
        assert checked.status_code == 302, checked.content.decode()[:500]
        preview, preview_time = timed(lambda: client.get(checked["Location"]))
        assert preview.status_code == 200
        written, write_time = timed(lambda: client.post(checked["Location"]))
        assert written.status_code == 302 and OrganisationPage.objects.count() == lines
        undo_url = reverse("network_imports_undo", args=[ImportBatch.objects.get().pk])
        _undone, undo_time = timed(lambda: client.post(undo_url))
        assert not OrganisationPage.objects.exists()
        print(f"\nImport de {lines} structures ({connection.vendor})")
        for label, seconds in [
            ("vérification du fichier", check_time),
            ("aperçu", preview_time),
            ("écriture (publiées)", write_time),
            ("annulation", undo_time),
        ]:
            print(f"  {label:<24} {seconds:7.1f} s   {seconds / lines * 1000:6.1f} ms par ligne")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200)
    run(parser.parse_args().lines)


if __name__ == "__main__":
    main()
