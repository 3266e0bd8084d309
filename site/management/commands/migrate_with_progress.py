"""`migrate` that shows one line with a counter instead of a line per migration (`make demo`)."""

from django.core.management.commands import migrate
from django.db import connections
from django.db.migrations.executor import MigrationExecutor


class Command(migrate.Command):
    help = "Applique les migrations en affichant un compteur sur une seule ligne."

    def handle(self, *args, **options):
        executor = MigrationExecutor(connections[options["database"]])
        targets = executor.loader.graph.leaf_nodes()
        self.total = len(executor.migration_plan(targets))
        self.done = 0
        self.counter = self.stdout if options["verbosity"] else None
        super().handle(*args, **{**options, "verbosity": 0})
        if self.counter:
            message = f"{self.total} migrations appliquées" if self.total else "déjà à jour"
            self.counter.write(f"\r  base de données : {message}".ljust(60))

    def migration_progress_callback(self, action, migration=None, fake=False):
        if action == "apply_success" and self.counter:
            self.done += 1
            self.counter.write(f"\r  base de données : migration {self.done}/{self.total}", ending="")
            self.counter.flush()
