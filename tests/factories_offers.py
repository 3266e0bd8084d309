"""factory_boy factories for the offers section: its index page and offer pages."""

import datetime

import factory
import wagtail_factories

from network.offers.models import OfferPage, OffersIndexPage


class OffersIndexPageFactory(wagtail_factories.PageFactory):
    title = "Offres pour stagiaires"
    slug = "offres"
    introduction = "Formations, stages et emplois d’insertion du réseau."

    class Meta:
        model = OffersIndexPage


class OfferPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Formation en atelier n° {n}")
    kind = "formation"
    summary = "Apprendre un métier de la transition dans un atelier encadré."
    who_can_apply = "Demandeurs et demandeuses d’emploi inscrit·es au Forem."
    duration = "12 semaines"
    hours_per_week = 30
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=20))
    municipality = "Charleroi"
    postcode = "6000"
    remuneration = "1 € brut de l’heure en CISP + frais de déplacement"
    apply_phone = "071 30 45 12"

    class Meta:
        model = OfferPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """tags={"sectors": [sector, ...], "publics": [...], "zones": [...]} tags the saved page."""
        if not extracted:
            return
        for name, values in extracted.items():
            getattr(self, name).set(values)
        self.save()
