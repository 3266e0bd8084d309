"""Deletes the usage counters older than N months (25 by default: this month and the two full
years before it, for year-on-year comparisons)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from usage.models import DailyCount

DEFAULT_MONTHS = 25


def first_kept_day(months, today=None):
    """The first day of the oldest of the `months` months kept (this month included)."""
    today = today or timezone.localdate()
    index = today.year * 12 + today.month - 1 - (months - 1)
    return datetime.date(index // 12, index % 12 + 1, 1)


class Command(BaseCommand):
    help = "Supprime les compteurs d'usage plus anciens que N mois (25 par défaut)."

    def add_arguments(self, parser):
        parser.add_argument("--mois", dest="months", type=int, default=DEFAULT_MONTHS, help="Mois gardés.")

    def handle(self, *args, months, **options):
        if months < 1 or months > 1200:
            raise CommandError("Le nombre de mois gardés doit être compris entre 1 et 1200.")
        limit = first_kept_day(months)
        deleted, _details = DailyCount.objects.filter(date__lt=limit).delete()
        self.stdout.write(f"{deleted} compteur(s) antérieur(s) au {limit:%d/%m/%Y} supprimé(s).")
