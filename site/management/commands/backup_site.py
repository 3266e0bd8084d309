"""`manage.py backup_site ARCHIVE.tar.gz`: the whole site (database content and media) in one file.

The data is a plain `dumpdata` (primary keys, no natural keys): a natural-key dump fails as soon
as Wagtail's history names a page that was deleted since, which every live site has. The search
indexes are left out (`restore_site` rebuilds them), and so are sessions, the cache and
django-axes' login attempts, which a restored site does not need.
"""

import io
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, call_command

EXCLUDED = [
    "sessions",
    "axes",
    "wagtailsearch",  # Wagtail's index tables (SQLite's full-text table exists on SQLite only)
    "search.searchdocument",
    "search.documentsector",
    "search.documentpublic",
    "search.documentzone",
    "search.documentstructuretype",
    "search.documenttheme",
]
DATA_NAME = "donnees.json"
MEDIA_NAME = "media"


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les médias dans une archive .tar.gz (voir restore_site)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Chemin de l'archive à écrire, par exemple sauvegarde.tar.gz")

    def handle(self, archive, **options):
        data = io.StringIO()
        call_command("dumpdata", exclude=EXCLUDED, stdout=data, verbosity=0)
        encoded = data.getvalue().encode()
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(archive, "w:gz") as tar:
            info = tarfile.TarInfo(DATA_NAME)
            info.size = len(encoded)
            tar.addfile(info, io.BytesIO(encoded))
            if media.exists():
                tar.add(media, arcname=MEDIA_NAME)
        self.stdout.write(f"Sauvegarde écrite : {archive}")
