from importlib import import_module

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction

from passerelles.demo_loading import DemoLoader


class Command(BaseCommand):
    help = "Charge le contenu de démonstration depuis fixtures/ puis reconstruit l'index de recherche."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-index", action="store_true", help="Ne pas reconstruire l'index de recherche."
        )

    def handle(self, *args, no_index=False, **options):
        loader = DemoLoader(stdout=self.stdout)
        with transaction.atomic():
            for module_path in settings.DEMO_LOADERS:
                self.stdout.write(self.style.MIGRATE_HEADING(f"Chargement : {module_path}"))
                import_module(module_path).load(loader)
        if not no_index:
            self.stdout.write(self.style.MIGRATE_HEADING("Index de recherche"))
            call_command("update_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé."))
