import json

from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError
from django.core.validators import validate_email

from passerelles.privacy import erase_person, export_person


class Command(BaseCommand):
    help = "Exporte (JSON) tout ce que Passerelles conserve sur une personne, ou l'efface avec --effacer."

    def add_arguments(self, parser):
        parser.add_argument("email", help="Adresse e-mail de la personne")
        parser.add_argument(
            "--effacer", action="store_true", help="Anonymiser toutes ses données après l'export."
        )

    def handle(self, email, effacer=False, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"« {email} » n'est pas une adresse e-mail valide.") from error
        data = export_person(email)
        self.stdout.write(json.dumps({"email": email, "donnees": data}, ensure_ascii=False, indent=2))
        if effacer:
            counts = erase_person(email)
            for label, count in counts.items():
                if count:
                    self.stderr.write(f"{label} : {count} enregistrement(s) anonymisé(s)")
