import logging
from contextlib import contextmanager
from importlib import import_module
from time import monotonic

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction

from passerelles.demo_loading import DemoLoader, indexing_deferred


@contextmanager
def quiet_loggers(*names):
    """Wagtail logs every page created or published, the task framework every task: hundreds of
    lines that hide the progress of a bulk load."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Charge le contenu de démonstration depuis fixtures/ puis reconstruit l'index de recherche."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-index", action="store_true", help="Ne pas reconstruire l'index de recherche de Wagtail."
        )

    def handle(self, *args, **options):
        with quiet_loggers("wagtail", "django_tasks"):
            self.load(**options)

    def load(self, no_index=False, verbosity=1, **options):
        started = monotonic()
        loader = DemoLoader(stdout=self.stdout if verbosity > 1 else None)
        # Deferred around the commit too: Wagtail sends its slug-change signals on commit.
        with indexing_deferred():
            with transaction.atomic():
                for module_path in settings.DEMO_LOADERS:
                    if verbosity > 1:
                        self.stdout.write(
                            self.style.MIGRATE_HEADING(
                                f"Chargement : {module_path} ({monotonic() - started:.1f} s)"
                            )
                        )
                    elif verbosity == 1:
                        self.stdout.write(f"\r  démo : {module_path:<40}", ending="")
                        self.stdout.flush()
                    import_module(module_path).load(loader)
        if verbosity == 1:
            self.stdout.write(f"\r  démo : {'index des références':<40}", ending="")
        call_command("rebuild_references_index", verbosity=0)
        if not no_index:
            if verbosity == 1:
                self.stdout.write(f"\r  démo : {'index de recherche':<40}", ending="")
            call_command("update_index", verbosity=0, stdout=self.stdout)
        if verbosity:
            self.stdout.write(
                "\r" + self.style.SUCCESS(f"  démo chargée en {monotonic() - started:.1f} s".ljust(50))
            )
