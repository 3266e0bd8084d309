"""`manage.py restore_site ARCHIVE.tar.gz`: puts back what `backup_site` saved, identically.

Run it on a migrated database (`manage.py migrate` first, same code version as the backup). The
database is emptied without recreating Django's content types and permissions (the backup holds
them with their original keys), loaded from the archive, the media files put back in MEDIA_ROOT,
then the search indexes rebuilt.
"""

import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction

from .backup_site import DATA_NAME, MEDIA_NAME


class Command(BaseCommand):
    help = "Restaure une sauvegarde de backup_site (base de données et médias). Efface le contenu actuel."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="L'archive écrite par backup_site")

    def handle(self, archive, **options):
        if not Path(archive).is_file():
            raise CommandError(f"Archive introuvable : {archive}")
        with tempfile.TemporaryDirectory() as folder, tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder, filter="data")
            data = Path(folder) / DATA_NAME
            if not data.is_file():
                raise CommandError(f"{archive} n'est pas une sauvegarde de backup_site ({DATA_NAME} absent).")
            with transaction.atomic():
                call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
                call_command("loaddata", str(data), verbosity=0)
            media = Path(folder) / MEDIA_NAME
            if media.is_dir():
                shutil.copytree(media, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
        call_command("update_index", verbosity=0)
        call_command("rebuild_search_documents", verbosity=0)
        self.stdout.write(f"Site restauré depuis {archive}")
