"""Closes the meetup requests nobody answered in time and tells their requesters."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from network import meetups
from network.models import MeetupRequest


class Command(BaseCommand):
    help = "Marque comme expirées les demandes de rencontre restées sans réponse et prévient les demandeurs."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien modifier.")

    def handle(self, *args, dry_run=False, **options):
        due = list(MeetupRequest.objects.due_to_expire(timezone.now()).select_related("person"))
        total = len(due)
        if dry_run:
            self.stdout.write(f"{total} demande(s) à faire expirer (simulation, rien n'est modifié).")
            return
        for number, meetup in enumerate(due, start=1):
            meetups.expire(meetup, changed_by="commande expire_meetup_requests")
            self.stdout.write(f"  demande {number}/{total} : {meetup} → expirée")
        self.stdout.write(self.style.SUCCESS(f"{total} demande(s) expirée(s)."))
