"""factory_boy factories for every page type of the site frame (apps add theirs in tests/factories_*.py)."""

import factory
import wagtail_factories

from passerelles.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Passerelles"
    introduction = "Ce qui marche dans l’insertion, partagé entre structures."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page d’information {n}")
    introduction = "Une page d’information du réseau."

    class Meta:
        model = StandardPage
