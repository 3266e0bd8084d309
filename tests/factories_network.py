"""Factories of the network app: directory, structures, compagnons, meetup requests."""

import json
from datetime import date, timedelta
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from network.models import DirectoryPage, MeetupRequest, OrganisationPage, Person
from passerelles.vocabularies.models import MeetupFormat, Public, Sector, StructureType, Zone

ZONE_CENTRES = {
    "bruxelles": ("Bruxelles-Capitale", "50.8466", "4.3528"),
    "brabant-wallon": ("Brabant wallon", "50.6700", "4.6100"),
    "hainaut": ("Hainaut", "50.4500", "3.9500"),
    "liege": ("Liège", "50.6326", "5.5797"),
    "luxembourg": ("Luxembourg", "49.9500", "5.5000"),
    "namur": ("Namur", "50.4669", "4.8675"),
}


def zone(slug="namur"):
    name, lat, lon = ZONE_CENTRES[slug]
    value, _ = Zone.objects.canonical().get_or_create(
        slug=slug, defaults={"name": name, "latitude": Decimal(lat), "longitude": Decimal(lon)}
    )
    return value


def vocabulary(model, slug, name=None):
    value, _ = model.objects.canonical().get_or_create(
        slug=slug, defaults={"name": name or slug.replace("-", " ").title()}
    )
    return value


def sector(slug="numerique", name=None):
    return vocabulary(Sector, slug, name)


def public(slug="neet", name=None):
    return vocabulary(Public, slug, name)


def structure_type(slug="cisp", name=None):
    return vocabulary(StructureType, slug, name or slug.upper())


def meetup_format(slug="visite-sur-site", name="Visite sur site"):
    value, _ = MeetupFormat.objects.canonical().get_or_create(slug=slug, defaults={"name": name})
    return value


def rich_text(text):
    """What the admin's Draftail editor posts for a one-paragraph text."""
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Annuaire des structures"
    slug = "annuaire"
    introduction = "<p>Trouvez une structure qui fait déjà ce que vous voulez faire.</p>"

    class Meta:
        model = DirectoryPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Atelier solidaire {n}")
    structure_type = factory.LazyFunction(structure_type)
    zone = factory.LazyFunction(zone)
    street_address = "Rue de Fer 12"
    postcode = "5000"
    municipality = "Namur"
    latitude = Decimal("50.4669")
    longitude = Decimal("4.8675")
    description = "<p>Une structure d’insertion qui forme par le travail.</p>"
    phone = "081 00 00 00"

    class Meta:
        model = OrganisationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """`tags={"sectors": [...], "publics": [...]}` sets the taxonomy, then republishes."""
        if not create or not extracted:
            return
        if "sectors" in extracted:
            self.sectors.set(extracted["sectors"])
        if "publics" in extracted:
            self.publics.set(extracted["publics"])
        self.save_revision().publish()


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Compagnon Numéro{n}")
    role = "Formatrice"
    expertise = "Montrer comment on organise un atelier de réparation avec des stagiaires."
    email = factory.Sequence(lambda n: f"compagnon{n}@structure.example")
    consent_given = True
    consent_date = factory.LazyFunction(lambda: date(2026, 1, 15))
    languages = "français"
    availability = "Le mardi"

    class Meta:
        model = Person
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)
            self.save()

    @factory.post_generation
    def formats(self, create, extracted, **kwargs):
        if create and extracted:
            self.formats.set(extracted)
            self.save()

    @factory.post_generation
    def practices(self, create, extracted, **kwargs):
        if create and extracted:
            self.practices.set(extracted)
            self.save()


class MeetupRequestFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    requester_name = "Benoît Charlier"
    requester_email = "benoit.charlier@roue-libre.example"
    requester_organisation = "CISP Roue Libre"
    message = "Nous ouvrons un atelier vélo et voudrions voir le vôtre."
    date_from = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=10))
    date_to = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))

    class Meta:
        model = MeetupRequest
