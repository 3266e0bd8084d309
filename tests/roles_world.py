"""A small network with two structures and one account per role, for the permission tests."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from network.events.permissions import ensure_coordinators_group
from network.models import OrganisationMembership
from passerelles.roles import ADMINISTRATORS, COORDINATORS, MEMBERS, MODERATORS, ensure_roles
from tests.factories import StandardPageFactory
from tests.factories_events import (
    AgendaPageFactory,
    CalendarPageFactory,
    EventPageFactory,
    RegistrationFactory,
)
from tests.factories_knowledge import FicheActionPageFactory, KnowledgeIndexPageFactory
from tests.factories_livreblanc import ContributionFactory, build_white_paper
from tests.factories_network import (
    DirectoryPageFactory,
    MeetupRequestFactory,
    OrganisationPageFactory,
    PersonFactory,
    sector,
)
from tests.factories_offers import OfferPageFactory, OffersIndexPageFactory

PASSWORD = "motdepasse-solide"


@dataclass
class World:
    home: object
    knowledge: object
    directory: object
    offers: object
    own_structure: object
    other_structure: object
    own_fiche: object
    other_fiche: object
    own_draft: object
    own_offer: object
    other_offer: object
    own_person: object
    other_person: object
    free_page: object
    event: object
    meetup_request: object
    contribution: object
    sector: object
    users: dict
    # Personal data outside each role's reach (another structure, another calendar...).
    hidden_person: object = None
    other_meetup_request: object = None
    other_contribution: object = None
    own_registration: object = None
    other_registration: object = None


def account(username, group_name, *extra_groups):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.capitalize()
    )
    user.groups.add(group_name, *extra_groups)
    return user


def build_world(home):
    """Structures A (the member's) and B, each with a fiche, an offer and a compagnon."""
    knowledge = KnowledgeIndexPageFactory(parent=home)
    directory = DirectoryPageFactory(parent=home)
    offers = OffersIndexPageFactory(parent=home)
    agenda = AgendaPageFactory(parent=home)
    calendar = CalendarPageFactory(parent=agenda, title="Réseau du Hainaut")
    groups = ensure_roles(home)
    own_structure = OrganisationPageFactory(parent=directory, title="Atelier Vélo Châtelet", slug="velo")
    other_structure = OrganisationPageFactory(parent=directory, title="Récup Sambre", slug="recup")
    own_fiche = FicheActionPageFactory(
        parent=knowledge, title="Réparer des vélos", organisation=own_structure
    )
    other_fiche = FicheActionPageFactory(
        parent=knowledge, title="Trier les DEEE", organisation=other_structure
    )
    own_draft = FicheActionPageFactory(
        parent=knowledge, title="Brouillon de la structure", organisation=own_structure, live=False
    )
    _edition, recommendations = build_white_paper(home, chapters=1, per_chapter=1)
    calendar_group = ensure_coordinators_group(calendar)
    users = {
        "membre": account("membre", groups[MEMBERS]),
        "coordination": account("coordination", groups[COORDINATORS], calendar_group),
        "moderation": account("moderation", groups[MODERATORS]),
        "administration": account("administration", groups[ADMINISTRATORS]),
    }
    OrganisationMembership.objects.create(user=users["membre"], organisation=own_structure)
    own_person = PersonFactory(organisation=own_structure, name="Sofia Declercq")
    own_person.save_revision()
    other_calendar = CalendarPageFactory(parent=agenda, title="Réseau de Liège")
    other_event = EventPageFactory(parent=other_calendar, title="Rencontre des CISP liégeois")
    event = EventPageFactory(parent=calendar, title="Rencontre des CISP du Hainaut")
    hidden_person = PersonFactory(
        organisation=other_structure,
        name="Ines Vandamme",
        email="ines.vandamme@recup.example",
        consent_given=False,
        consent_date=None,
    )
    hidden_person.save_revision()
    return World(
        home=home,
        knowledge=knowledge,
        directory=directory,
        offers=offers,
        own_structure=own_structure,
        other_structure=other_structure,
        own_fiche=own_fiche,
        other_fiche=other_fiche,
        own_draft=own_draft,
        own_offer=OfferPageFactory(parent=offers, title="Stage en atelier vélo", organisation=own_structure),
        other_offer=OfferPageFactory(parent=offers, title="Emploi au tri", organisation=other_structure),
        own_person=own_person,
        other_person=PersonFactory(organisation=other_structure, name="Karim Haddad"),
        free_page=StandardPageFactory(parent=home, title="Mentions légales", slug="mentions-legales"),
        event=event,
        meetup_request=MeetupRequestFactory(person=own_person),
        contribution=ContributionFactory(recommendation=recommendations[0]),
        sector=sector("reemploi", "Réemploi"),
        users=users,
        hidden_person=hidden_person,
        other_meetup_request=MeetupRequestFactory(
            person=hidden_person, requester_name="Luc Hermans", requester_email="luc.hermans@tri.example"
        ),
        other_contribution=ContributionFactory(
            recommendation=recommendations[0], name="Marc Dubois", email="marc.dubois@example.org"
        ),
        own_registration=RegistrationFactory(
            event=event, name="Anne Lambert", email="anne.lambert@hainaut.example"
        ),
        other_registration=RegistrationFactory(
            event=other_event, name="Jef Peeters", email="jef.peeters@liege.example"
        ),
    )
