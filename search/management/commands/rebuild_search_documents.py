from django.core.management import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Reconstruit les documents de recherche de tous les types publics, avec la progression."

    def handle(self, *args, **options):
        def progress(label, done, total):
            end = "\n" if done == total else "\r"
            self.stdout.write(f"  {label} {done}/{total}", ending=end)
            self.stdout.flush()

        total = rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"{total} documents de recherche indexés."))
