from django.core.management import BaseCommand

from passerelles.outbox.tasks import queue_due


class Command(BaseCommand):
    help = (
        "Remet dans la file d’envoi les courriels en attente dont l’heure est venue (filet de sécurité "
        "du worker : à lancer toutes les 10 minutes)."
    )

    def handle(self, **options):
        counts = queue_due()
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['queued']} courriel(s) remis dans la file, {counts['unstuck']} débloqué(s)."
            )
        )
