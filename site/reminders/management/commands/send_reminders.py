"""Sends every reminder that is due (events, meetup requests, fiches to review), each once."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from passerelles.reminders.registry import jobs


class Command(BaseCommand):
    help = (
        "Envoie les rappels dus : événements dans deux jours, changements de places, demandes de "
        "rencontre qui expirent, fiches à relire. Sans danger à relancer : rien ne part deux fois."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        total = 0
        for job in jobs():
            sent = job.run(now) or 0
            total += sent
            self.stdout.write(f"  {job.name} : {sent} courriel(s)")
        self.stdout.write(self.style.SUCCESS(f"{total} rappel(s) envoyé(s)."))
