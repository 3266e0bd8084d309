"""Factories for the knowledge base pages (index, fiche action, bonne pratique)."""

import datetime

import factory
import wagtail_factories

from knowledge.models import BonnePratiquePage, FicheActionPage, KnowledgeIndexPage


class KnowledgeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Fiches et pratiques"
    slug = "fiches-et-pratiques"
    introduction = "Ce que les structures d’insertion ont essayé, et ce qui a marché."

    class Meta:
        model = KnowledgeIndexPage


class KnowledgeItemFactory(wagtail_factories.PageFactory):
    summary = "Une action menée avec des demandeurs d’emploi, racontée pour être refaite ailleurs."
    last_reviewed = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """tags={"sectors": [sector, ...], "publics": [...]} tags the page after creation."""
        if not extracted:
            return
        for manager, values in extracted.items():
            getattr(self, manager).add(*values)
        if create:
            self.save()


class FicheActionPageFactory(KnowledgeItemFactory):
    title = factory.Sequence(lambda n: f"Atelier CV numéro {n}")
    problem = "<p>Les stagiaires n’osent pas postuler en ligne.</p>"
    objectives = "<p>Chaque stagiaire envoie une candidature en ligne en fin d’atelier.</p>"
    steps = [
        (
            "step",
            {"title": "Accueil du groupe", "duration": "30 minutes", "description": "<p>Tour de table.</p>"},
        ),
        (
            "step",
            {"title": "Rédaction du CV", "duration": "2 heures", "description": "<p>Sur ordinateur.</p>"},
        ),
    ]
    indicators = [("indicator", {"value": "8 sur 10", "label": "stagiaires ont postulé", "period": "2025"})]
    contacts = [
        (
            "contact",
            {
                "name": "Nadia Lemaire",
                "role": "formatrice",
                "structure": "EPN de Ciney",
                "phone": "083 21 00 00",
                "website": "https://epn.example.be",
            },
        )
    ]

    class Meta:
        model = FicheActionPage
        skip_postgeneration_save = True


class BonnePratiquePageFactory(KnowledgeItemFactory):
    title = factory.Sequence(lambda n: f"Atelier vélo partagé {n}")
    context = "<p>Un atelier de réparation de vélos dans un quartier sans magasin.</p>"
    practice = "<p>Les stagiaires réparent les vélos des habitants à prix libre.</p>"
    impact = "<p>Trois stagiaires sur quatre trouvent un emploi ou une formation qualifiante.</p>"
    testimonials = [
        ("testimonial", {"quote": "J’ai retrouvé un rythme.", "author": "Karim", "role": "stagiaire"})
    ]

    class Meta:
        model = BonnePratiquePage
        skip_postgeneration_save = True
