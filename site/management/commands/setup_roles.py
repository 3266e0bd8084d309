from django.core.management import BaseCommand
from wagtail.models import Locale

from passerelles.models import HomePage
from passerelles.roles import ensure_roles


class Command(BaseCommand):
    help = "Crée ou met à jour les groupes (Membres, Coordinateurs, Modérateurs, Administrateurs) et le workflow de relecture."

    def handle(self, *args, **options):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        groups = ensure_roles(home)
        for name in groups:
            self.stdout.write(f"  groupe « {name} » prêt")
        if home is None:
            self.stdout.write(
                self.style.WARNING("Pas de page d'accueil : le workflow de relecture n'est pas attaché.")
            )
        self.stdout.write(self.style.SUCCESS("Rôles configurés."))
