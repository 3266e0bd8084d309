"""Sends every digest due now (run it every 10 minutes: weekly and monthly digests wait for
their turn, immediate ones leave at the next run). Safe to run twice or after a crash."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from alerts.digests import send_pending


class Command(BaseCommand):
    help = "Envoie les lettres de nouveautés dues aux abonnés confirmés."

    def handle(self, *args, **options):
        def progress(sent):
            if sent % 500 == 0:
                self.stdout.write(_("%(n)s lettres envoyées…") % {"n": sent})

        sent = send_pending(progress=progress)
        self.stdout.write(_("%(n)s lettre(s) de nouveautés envoyée(s).") % {"n": sent})
