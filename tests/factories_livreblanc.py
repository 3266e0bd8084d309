"""Factories for the white paper: index, editions, chapters, recommendations, status changes, contributions."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from knowledge.livreblanc.models import (
    ChapterPage,
    Contribution,
    EditionPage,
    RecommendationPage,
    RecommendationStatus,
    WhitePaperIndexPage,
)


class WhitePaperIndexPageFactory(wagtail_factories.PageFactory):
    title = "Livre blanc"
    slug = "livre-blanc"
    introduction = "Les changements de règles que le secteur demande aux pouvoirs publics."

    class Meta:
        model = WhitePaperIndexPage


class EditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Livre blanc, édition {2020 + n}")
    year = factory.Sequence(lambda n: 2020 + n)
    status = EditionPage.Status.CONSULTATION
    introduction = "<p>Issue des concertations de zone.</p>"

    class Meta:
        model = EditionPage


class ChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Chapitre sur les freins {n}")
    introduction = "Les freins que ce chapitre rassemble."

    class Meta:
        model = ChapterPage


class RecommendationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Recommandation numéro {n}")
    obstacle = "Les stagiaires perdent leurs acquis en changeant de structure."
    current_rule = "Chaque structure tient son propre dossier."
    legal_reference = "Décret wallon du 10 juillet 2013 relatif aux centres d’insertion socioprofessionnelle"
    proposed_change = "Un dossier de parcours partagé, avec l’accord de la personne."
    authority = "region-wallonne"

    class Meta:
        model = RecommendationPage


class RecommendationStatusFactory(DjangoModelFactory):
    status = "proposee"
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    note = "Discutée en concertation de zone."

    class Meta:
        model = RecommendationStatus


class ContributionFactory(DjangoModelFactory):
    name = "Nadia Benali"
    organisation = "CISP Le Tremplin"
    email = "nadia@example.org"
    text = "Chez nous, cela se passe ainsi."
    status = Contribution.Status.PENDING

    class Meta:
        model = Contribution


def build_white_paper(home, chapters=2, per_chapter=3, status=EditionPage.Status.CONSULTATION):
    """An index, one edition, `chapters` chapters of `per_chapter` recommendations with a status each."""
    index = WhitePaperIndexPageFactory(parent=home)
    edition = EditionPageFactory(
        parent=index, status=status, title="Livre blanc 2026", slug="edition-2026", year=2026
    )
    recommendations = []
    for _ in range(chapters):
        chapter = ChapterPageFactory(parent=edition)
        for _ in range(per_chapter):
            recommendation = RecommendationPageFactory(parent=chapter)
            RecommendationStatusFactory(page=recommendation)
            recommendations.append(recommendation)
    return edition, recommendations
