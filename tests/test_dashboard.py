"""The coordinators' dashboard: each role sees the panels it can act on, at a fixed query cost."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from knowledge.models import KnowledgeItemPage
from tests.factories_events import RegistrationFactory
from tests.factories_knowledge import FicheActionPageFactory
from tests.factories_network import MeetupRequestFactory

pytestmark = pytest.mark.django_db

PANELS = {
    "Demandes de rencontre en attente": "pending-meetups",
    "Événements des 30 prochains jours": "upcoming-events",
    "Contributions au livre blanc à modérer": "contributions-to-moderate",
    "Fiches à revoir": "stale-fiches",
}


@pytest.fixture
def world(roles_world):
    world = roles_world
    KnowledgeItemPage.objects.filter(pk=world.other_fiche.pk).update(
        last_reviewed=timezone.localdate() - datetime.timedelta(days=400)
    )
    RegistrationFactory(event=world.event, name="Julie Marchal")
    return world


def panels_seen(client, user):
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return {heading for heading in PANELS if heading in html}, html


def test_each_role_sees_the_panels_it_can_act_on(client, world):
    seen, html = panels_seen(client, world.users["coordination"])
    assert seen == set(PANELS)
    assert "Rencontre des CISP du Hainaut" in html  # their calendar's event, with its registration
    assert "Trier les DEEE" in html  # reviewed 400 days ago
    assert "Réparer des vélos" not in html.split("Fiches à revoir", 1)[1]  # reviewed recently

    seen, _html = panels_seen(client, world.users["moderation"])
    assert seen == {
        "Contributions au livre blanc à modérer",
        "Fiches à revoir",
        "Événements des 30 prochains jours",
    }

    seen, _html = panels_seen(client, world.users["membre"])
    assert seen == set()


def test_dashboard_query_count_does_not_grow_with_the_items(client, world):
    client.force_login(world.users["coordination"])

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(context)

    queries()  # the first request fills the cache of the site and its root page
    before = queries()
    for number in range(12):
        MeetupRequestFactory(person=world.own_person)
        RegistrationFactory(event=world.event)
        stale = FicheActionPageFactory(parent=world.knowledge, title=f"Ancienne fiche {number}")
        KnowledgeItemPage.objects.filter(pk=stale.pk).update(last_reviewed=datetime.date(2020, 1, 1))
    assert queries() == before


def test_empty_dashboard_says_so_in_french(client, world):
    KnowledgeItemPage.objects.update(last_reviewed=timezone.localdate())
    for record in (world.meetup_request, world.other_meetup_request):
        record.delete()
    for record in (world.contribution, world.other_contribution):
        record.delete()
    _seen, html = panels_seen(client, world.users["coordination"])
    assert "Aucune demande de rencontre n’attend de réponse." in html
    assert "Aucune contribution n’attend de modération." in html
    assert "Toutes les fiches ont été relues dans les 12 derniers mois." in html
