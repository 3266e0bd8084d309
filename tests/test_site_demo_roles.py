"""The demo `coordination` account does what the README promises a coordinator: the Pages menu,
creating an event in its calendar, and a dashboard whose links open (no permission error).

The file is named to be collected after every browser test of the demo group: after these admin
requests of a non-superuser, the shared in-memory SQLite database reports "table is locked" to
the live server's thread (seen with the demo loaded, not understood yet).
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from network.events.models import CalendarPage

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
    form = coordinator.get(add_url)
    assert form.status_code == 200
    # Saving is Wagtail's own; what the demo must give is the right to add and publish there.
    # (A page saved here would write to the SQLite full-text index shared with the browser tests.)
    user = get_user_model().objects.get(username="coordination")
    permissions = calendar.permissions_for_user(user)
    assert permissions.can_add_subpage() and permissions.can_publish_subpage()
    other = CalendarPage.objects.exclude(pk=calendar.pk).filter(locale__language_code="fr").first()
    assert not other.permissions_for_user(user).can_add_subpage()


def test_every_link_of_the_demo_coordinators_dashboard_opens(coordinator):
    html = coordinator.get(reverse("wagtailadmin_home")).content.decode()
    assert "Fiches à revoir" in html
    stale = html.split('id="stale-fiches-content"', 1)[1].split("</table>", 1)[0]
    links = re.findall(r'<a href="([^"]+)"', stale)
    assert links, "la démo n'a aucune fiche à revoir"
    for link in links + admin_links(html):
        response = coordinator.get(link)
        assert response.status_code == 200, f"{link} -> {response.status_code}"
