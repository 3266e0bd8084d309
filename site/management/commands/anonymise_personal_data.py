from django.core.management import BaseCommand

from passerelles.privacy import retention_days, sources


class Command(BaseCommand):
    help = "Anonymise les demandes de rencontre, inscriptions et contributions plus anciennes que la durée de conservation."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter sans modifier.")

    def handle(self, dry_run=False, **options):
        self.stdout.write(f"Durée de conservation : {retention_days()} jours")
        registered = sources()
        total = 0
        for number, source in enumerate(registered, start=1):
            expired = source.expired()
            count = expired.count() if dry_run else source.anonymise(expired)
            total += count
            self.stdout.write(f"  [{number}/{len(registered)}] {source.label} : {count}")
        verb = "à anonymiser" if dry_run else "anonymisé(s)"
        self.stdout.write(self.style.SUCCESS(f"{total} enregistrement(s) {verb}."))
