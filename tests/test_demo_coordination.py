"""The demo `coordination` account does what the README promises a coordinator: the Pages menu,
creating an event in its calendar, and a dashboard whose links open (no permission error)."""

import re

import pytest
from django.urls import reverse

from network.events.models import CalendarPage, EventPage

pytestmark = pytest.mark.django_db

PASSWORD = "passerelles-demo"


@pytest.fixture
def coordinator(client, demo_content):
    assert client.login(username="coordination", password=PASSWORD)
    return client


def admin_links(html):
    return sorted(set(re.findall(r'href="(/admin/[^"#]+)"', html)))


def test_the_demo_coordinator_runs_a_calendar(coordinator):
    calendar = CalendarPage.objects.get(slug="reseau-hainaut", locale__language_code="fr")
    home = coordinator.get(reverse("wagtailadmin_home")).content.decode()
    # Wagtail shows the Pages menu to whoever may explore some page.
    assert '"name": "explorer"' in home or "&quot;name&quot;: &quot;explorer&quot;" in home
    explore = coordinator.get(reverse("wagtailadmin_explore", args=(calendar.pk,)))
    assert explore.status_code == 200

    add_url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar.pk))
    assert coordinator.get(add_url).status_code == 200
    response = coordinator.post(
        add_url,
        {
            "title": "Atelier de démonstration",
            "slug": "atelier-de-demonstration",
            "start": "2027-03-04 14:00",
            "end": "2027-03-04 16:00",
            "event_type": EventPage._meta.get_field("event_type").choices[0][0],
            "introduction": "Un atelier pour essayer l’agenda.",
            "registration_mode": "aucune",
            "recurrence_interval": "1",
            "body-count": "0",
            "exception_dates-TOTAL_FORMS": "0",
            "exception_dates-INITIAL_FORMS": "0",
            "exception_dates-MIN_NUM_FORMS": "0",
            "exception_dates-MAX_NUM_FORMS": "1000",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert EventPage.objects.child_of(calendar).filter(slug="atelier-de-demonstration").exists()


def test_every_link_of_the_demo_coordinators_dashboard_opens(coordinator):
    html = coordinator.get(reverse("wagtailadmin_home")).content.decode()
    assert "Fiches à revoir" in html
    stale = html.split('id="stale-fiches-content"', 1)[1].split("</table>", 1)[0]
    assert "/admin/pages/" in stale, "la démo n'a aucune fiche à revoir"
    for link in admin_links(html):
        response = coordinator.get(link)
        assert response.status_code == 200, f"{link} -> {response.status_code}"
