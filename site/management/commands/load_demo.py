import logging
from contextlib import ExitStack, contextmanager
from importlib import import_module
from time import monotonic

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.test.utils import override_settings
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from passerelles.demo_loading import DemoLoader
from search.signals import paused as search_documents_paused


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


@contextmanager
def indexing_deferred():
    """Saves without indexing each object: `load_demo` rebuilds the search documents, Wagtail's
    search index and its reference index once at the end, which is several times faster than
    following hundreds of saves one by one."""
    indexed = [
        model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    try:
        with ExitStack() as stack:
            # Translations are created under the French slug, then renamed: no redirect is due.
            stack.enter_context(override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False))
            stack.enter_context(disable_reference_index_auto_update())
            stack.enter_context(search_documents_paused())
            yield
    finally:
        for model in indexed:
            post_save.connect(post_save_signal_handler, sender=model)
            post_delete.connect(post_delete_signal_handler, sender=model)


class Command(BaseCommand):
    help = "Charge le contenu de démonstration depuis fixtures/ puis reconstruit l'index de recherche."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-index", action="store_true", help="Ne pas reconstruire l'index de recherche de Wagtail."
        )
        parser.add_argument(
            "--loader",
            action="append",
            dest="loaders",
            metavar="MODULE",
            help="Ne relancer que ce chargeur (répétable), sur une démo déjà chargée : par ex. network.offers.demo.",
        )

    def handle(self, *args, **options):
        with quiet_loggers("wagtail", "django_tasks"):
            self.load(**options)

    def load(self, no_index=False, verbosity=1, loaders=None, **options):
        started = monotonic()
        loader = DemoLoader(stdout=self.stdout if verbosity > 1 else None)
        # Deferred around the commit too: Wagtail sends its slug-change signals on commit.
        with indexing_deferred():
            with transaction.atomic():
                for module_path in loaders or settings.DEMO_LOADERS:
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
