"""Coordinators publish in their own calendar only and export its registrants as CSV."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from network.events.models import EventPage
from network.events.permissions import ensure_coordinators_group
from tests.factories_events import (
    AgendaPageFactory,
    CalendarPageFactory,
    EventPageFactory,
    RegistrationFactory,
    event_admin_form,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendars(home):
    agenda = AgendaPageFactory(parent=home)
    return CalendarPageFactory(parent=agenda, title="Réseau Hainaut"), CalendarPageFactory(
        parent=agenda, title="EPN Bruxelles"
    )


@pytest.fixture
def coordinator(client, django_user_model, calendars):
    """A coordinator of the first calendar only, logged in."""
    hainaut, _epn = calendars
    user = django_user_model.objects.create_user("coord.hainaut", "coord@example.org", "motdepasse-solide")
    user.groups.add(ensure_coordinators_group(hainaut))
    client.force_login(user)
    return client


def add_event(client, calendar, slug):
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar.pk))
    return client.post(url, event_admin_form(title=f"Rencontre {slug}", slug=slug))


def test_group_helper_is_idempotent(calendars):
    hainaut, _epn = calendars
    group = ensure_coordinators_group(hainaut)
    assert ensure_coordinators_group(hainaut) == group
    assert group.page_permissions.count() == 3
    assert set(group.page_permissions.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "publish_page",
    }
    assert group.permissions.filter(codename="access_admin").exists()


def test_coordinator_publishes_in_their_own_calendar(coordinator, calendars):
    hainaut, _epn = calendars
    response = add_event(coordinator, hainaut, "chez-nous")
    assert response.status_code == 302
    event = EventPage.objects.get(slug="chez-nous")
    assert event.live and event.get_parent().pk == hainaut.pk
    edit = reverse("wagtailadmin_pages:edit", args=(event.pk,))
    assert coordinator.get(edit).status_code == 200


def test_coordinator_is_refused_in_another_calendar(coordinator, calendars):
    _hainaut, epn = calendars
    other_event = EventPageFactory(parent=epn, title="Atelier CV")
    response = add_event(coordinator, epn, "intrusion")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
        page = coordinator.get(response["Location"]).content.decode()
        assert "vous n&#x27;avez pas les autorisations" in page
    assert not EventPage.objects.filter(slug="intrusion").exists()
    edit = coordinator.get(reverse("wagtailadmin_pages:edit", args=(other_event.pk,)))
    assert edit.status_code in (302, 403)
    posted = coordinator.post(
        reverse("wagtailadmin_pages:edit", args=(other_event.pk,)),
        event_admin_form(title="Titre changé", slug=other_event.slug),
    )
    assert posted.status_code in (302, 403)
    other_event.refresh_from_db()
    assert other_event.title == "Atelier CV"


def test_coordinator_exports_the_registrants_of_their_event(coordinator, calendars):
    hainaut, epn = calendars
    event = EventPageFactory(parent=hainaut, title="Visite", registration_mode="site", capacity=1)
    RegistrationFactory(
        event=event, name="Sophie Lambotte", email="sophie@example.org", organisation="CISP Horizon"
    )
    RegistrationFactory(
        event=event, name='=HYPERLINK("x")', email="karim@example.org", organisation="EI", status="attente"
    )
    response = coordinator.get(reverse("events_registrations_csv", args=(event.pk,)))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="inscriptions-visite.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nom", "Structure", "Adresse e-mail", "Statut", "Inscrit le"]
    assert rows[1][:4] == ["Sophie Lambotte", "CISP Horizon", "sophie@example.org", "Inscription confirmée"]
    assert rows[2][0] == '\'=HYPERLINK("x")' and rows[2][3] == "Liste d’attente"
    other = EventPageFactory(parent=epn, registration_mode="site")
    assert coordinator.get(reverse("events_registrations_csv", args=(other.pk,))).status_code in (302, 403)
    assert coordinator.get(reverse("events_registrations_csv", args=(999999,))).status_code == 404


def test_event_header_links_to_the_csv(coordinator, calendars):
    hainaut, _epn = calendars
    event = EventPageFactory(parent=hainaut)
    html = coordinator.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).content.decode()
    assert reverse("events_registrations_csv", args=(event.pk,)) in html


def test_registrations_snippet_lists_and_exports_only_own_events(coordinator, calendars):
    hainaut, epn = calendars
    mine = EventPageFactory(parent=hainaut, title="Rencontre à Mons")
    theirs = EventPageFactory(parent=epn, title="Atelier CV")
    RegistrationFactory(event=mine, name="Sophie Lambotte")
    RegistrationFactory(event=theirs, name="Fatou Diallo")
    listing = reverse("wagtailsnippets_events_registration:list")
    html = coordinator.get(listing).content.decode()
    assert "Sophie Lambotte" in html and "Fatou Diallo" not in html
    exported = coordinator.get(listing, {"export": "csv"})
    assert exported.status_code == 200
    content = (
        b"".join(exported.streaming_content).decode() if exported.streaming else exported.content.decode()
    )
    assert "Sophie Lambotte" in content and "Fatou Diallo" not in content


def test_coordinator_group_cannot_edit_registrations_directly(calendars):
    hainaut, _epn = calendars
    group = ensure_coordinators_group(hainaut)
    assert not group.permissions.filter(codename__in=["change_registration", "delete_registration"]).exists()
    assert Permission.objects.filter(codename="view_registration").exists()
