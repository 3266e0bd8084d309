"""Agenda, calendar and event pages: admin creation, rendering, filters, bad input, query budgets."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Locale

from network.events.models import AgendaPage, CalendarPage, EventExceptionDate, EventPage
from passerelles.vocabularies.models import Public, Sector, Zone
from tests.factories_events import (
    AgendaPageFactory,
    CalendarPageFactory,
    EventPageFactory,
    RegistrationFactory,
    brussels,
    event_admin_form,
    in_days,
)
from tests.helpers import assert_fixed_query_budget

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabularies(db):
    return {
        "hainaut": Zone.objects.create(name="Hainaut", slug="hainaut"),
        "bruxelles": Zone.objects.create(name="Bruxelles-Capitale", slug="bruxelles"),
        "numerique": Sector.objects.create(name="Numérique", slug="numerique"),
        "neet": Public.objects.create(name="Jeunes NEET", slug="neet"),
    }


@pytest.fixture
def agenda(home):
    return AgendaPageFactory(parent=home)


@pytest.fixture
def calendar(agenda):
    return CalendarPageFactory(parent=agenda, title="Réseau Hainaut", organiser="Coordination du Hainaut")


def admin_add(client, app_model, parent, data):
    url = reverse("wagtailadmin_pages:add", args=(*app_model.split("."), parent.pk))
    return client.post(url, {"action-publish": "publish", **data})


def test_agenda_can_be_created_in_admin(admin_client_logged, home):
    response = admin_add(
        admin_client_logged,
        "events.agendapage",
        home,
        {"title": "Agenda", "slug": "agenda", "introduction": "Les rencontres du secteur."},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    agenda = AgendaPage.objects.get(slug="agenda")
    assert (
        agenda.live and "Les rencontres du secteur." in admin_client_logged.get(agenda.url).content.decode()
    )


def test_calendar_can_be_created_in_admin_and_gets_its_group(admin_client_logged, agenda):
    response = admin_add(
        admin_client_logged,
        "events.calendarpage",
        agenda,
        {
            "title": "Validobus",
            "slug": "validobus",
            "organiser": "Consortium de validation",
            "introduction": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    calendar = CalendarPage.objects.get(slug="validobus", locale=Locale.get_default())
    assert calendar.coordinators is not None
    assert calendar.coordinators.page_permissions.filter(page=calendar).count() == 3


def test_event_can_be_created_in_admin(admin_client_logged, calendar, vocabularies):
    response = admin_add(
        admin_client_logged,
        "events.eventpage",
        calendar,
        event_admin_form(
            title="Café réseau de Mons",
            slug="cafe-reseau-mons",
            start="2026-10-14 14:00",
            end="2026-10-14 16:00",
            introduction="Un café pour se rencontrer.",
            venue="EI Cycl’Hainaut",
            address="Rue de la Station 41, 7000 Mons",
            zones="Hainaut",
            sectors="Numérique",
            publics="Jeunes NEET",
            capacity="20",
            registration_mode="site",
            recurrence="WEEKLY",
            recurrence_until="2026-12-16",
            **{
                "exception_dates-TOTAL_FORMS": "1",
                "exception_dates-0-date": "2026-10-28",
                "exception_dates-0-ORDER": "1",
                "exception_dates-0-id": "",
                "exception_dates-0-DELETE": "",
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()[:5000]
    event = EventPage.objects.get(slug="cafe-reseau-mons")
    assert event.live
    assert event.start == brussels(2026, 10, 14, 14)
    assert event.organiser == "Coordination du Hainaut"  # the calendar's, by default
    assert [zone.slug for zone in event.zones.all()] == ["hainaut"]
    assert [item.date for item in event.exception_dates.all()] == [datetime.date(2026, 10, 28)]
    html = admin_client_logged.get(event.url).content.decode()
    assert "Café réseau de Mons" in html and "Se répète chaque semaine" in html


def test_event_admin_refuses_an_end_before_the_start(admin_client_logged, calendar):
    response = admin_add(
        admin_client_logged,
        "events.eventpage",
        calendar,
        event_admin_form(
            title="Mauvaises dates",
            slug="mauvaises-dates",
            start="2026-10-14 14:00",
            end="2026-10-14 12:00",
            event_type="visite",
            registration_mode="externe",
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "La fin doit venir après le début." in html
    assert "Indiquez le lien d’inscription externe." in html
    assert not EventPage.objects.filter(slug="mauvaises-dates").exists()


def test_admin_edit_views_open(admin_client_logged, calendar):
    event = EventPageFactory(parent=calendar)
    for page in [calendar.get_parent(), calendar, event]:
        assert admin_client_logged.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200


def test_agenda_lists_upcoming_occurrences_with_filters(client, agenda, calendar, vocabularies):
    mons = EventPageFactory(parent=calendar, title="Rencontre à Mons", start=in_days(3))
    mons.zones.set([vocabularies["hainaut"]])
    mons.save()
    brussels_event = EventPageFactory(
        parent=calendar,
        title="Atelier numérique",
        event_type="formation",
        start=in_days(5),
        recurrence="WEEKLY",
    )
    brussels_event.zones.set([vocabularies["bruxelles"]])
    brussels_event.save()
    EventPageFactory(parent=calendar, title="Rencontre passée", start=in_days(-5))
    html = client.get(agenda.url).content.decode()
    assert "Rencontre à Mons" in html and "Rencontre passée" not in html
    # A series is listed once, at its next date, with its rhythm (issue 20).
    assert html.count(">Atelier numérique<") == 1 and "Chaque " in html
    filtered = client.get(agenda.url, {"zone": "hainaut"}).content.decode()
    assert "Rencontre à Mons" in filtered and "Atelier numérique" not in filtered
    by_type = client.get(agenda.url, {"type": "formation"}).content.decode()
    assert "Atelier numérique" in by_type and "Rencontre à Mons" not in by_type
    assert 'id="f-zone-hainaut" name="zone" value="hainaut" checked' in filtered


def test_past_view_shows_reports(client, agenda, calendar):
    EventPageFactory(
        parent=calendar,
        title="Concertation mobilité",
        start=in_days(-20),
        report="<p>Trois recommandations.</p>",
    )
    EventPageFactory(parent=calendar, title="Visite à venir", start=in_days(20))
    html = client.get(agenda.url + "passes/").content.decode()
    assert "Concertation mobilité" in html and "Trois recommandations." in html
    assert "Visite à venir" not in html


def test_month_view_is_an_accessible_table_with_navigation(client, agenda, calendar):
    EventPageFactory(parent=calendar, title="Validobus à Arlon", start=brussels(2026, 11, 5, 9))
    response = client.get(agenda.url + "mois/", {"mois": "2026-11"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in html and '<th scope="col">' in html
    assert "Novembre 2026" in html and "Validobus à Arlon" in html
    assert "mois=2026-10" in html and "mois=2026-12" in html
    january = client.get(agenda.url + "mois/", {"mois": "2026-12"}).content.decode()
    assert "mois=2027-01" in january and "Validobus à Arlon" not in january


@pytest.mark.parametrize(
    "query",
    [
        "mois=2026-13",
        "mois=abc",
        "mois=" + "9" * 300,
        "mois=%3Cscript%3E",
        "mois=-1--1",
        "zone=atlantide",
        "type=%3Cb%3Evisite",
        "secteur=" + "x" * 500,
        "page=9999",
        "page=abc",
        "public=&zone=&type=",
    ],
)
def test_bad_parameters_give_a_french_message_never_an_error(client, agenda, calendar, query):
    EventPageFactory(parent=calendar)
    for path in ["", "mois/", "passes/", "ical/"]:
        response = client.get(f"{agenda.url}{path}?{query}")
        assert response.status_code == 200, (path, query)
        html = response.content.decode()
        if path != "ical/" and ("mois=" in query and path == "mois/"):
            assert "Le mois demandé n’est pas valide" in html
        if path != "ical/" and query.startswith(("zone=", "type=", "secteur=")):
            assert "n’existe pas ou plus ; il a été ignoré" in html
        assert "<script>" not in html.split("<body", 1)[1] if "<body" in html else True


def test_unknown_event_route_is_a_404(client, calendar):
    event = EventPageFactory(parent=calendar)
    assert client.get(event.url + "n-existe-pas/").status_code == 404
    assert client.get(calendar.url + "mois/extra/").status_code == 404


def test_calendar_page_lists_only_its_events(client, agenda, calendar):
    other = CalendarPageFactory(parent=agenda, title="EPN Bruxelles")
    EventPageFactory(parent=calendar, title="Rencontre à Mons", start=in_days(2))
    EventPageFactory(parent=other, title="Atelier CV", start=in_days(2))
    html = client.get(calendar.url).content.decode()
    assert "Réseau Hainaut" in html and "Rencontre à Mons" in html and "Atelier CV" not in html


def test_event_page_renders_its_facts(client, calendar, vocabularies):
    event = EventPageFactory(
        parent=calendar,
        title="Visite d’un chantier école",
        start=brussels(2030, 3, 14, 10),
        end=brussels(2030, 3, 14, 13),
        capacity=12,
        registration_mode="site",
        body=[("paragraph", "<p>Chaussures de sécurité fournies.</p>")],
        host_organisation=calendar,
    )
    event.zones.set([vocabularies["hainaut"]])
    event.save()
    RegistrationFactory(event=event)
    html = client.get(event.url).content.decode()
    assert "jeudi 14 mars 2030, de 10:00 à 13:00" in html
    assert "Chaussures de sécurité fournies." in html
    assert "11 places disponibles sur 12" in html
    assert "Hainaut" in html and "Coordination du Hainaut" in html
    assert f'href="{event.url}ical/"' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html
    assert "@example.org" not in html


def test_home_page_shows_the_upcoming_events(client, home, calendar):
    EventPageFactory(parent=calendar, title="Rencontre à Mons", start=in_days(2))
    EventPageFactory(parent=calendar, title="Passée", start=in_days(-2))
    html = client.get("/").content.decode()
    assert "Prochains événements" in html and "Rencontre à Mons" in html and "Passée" not in html
    assert 'href="/agenda/"' in html


def test_query_budgets_are_fixed(client, home, agenda, calendar, vocabularies):
    """Listings, month grid, feeds and home panel: as many queries for 10 events as for 200."""
    events = []
    for number in range(200):
        event = EventPageFactory(
            parent=calendar,
            title=f"Rencontre {number}",
            start=in_days(1 + number % 25),
            recurrence="WEEKLY" if number % 10 == 0 else "",
            recurrence_count=4 if number % 10 == 0 else None,
            report="<p>Compte rendu.</p>",
        )
        event.zones.set([vocabularies["hainaut"]])
        event.save()
        events.append(event)
    EventExceptionDate.objects.create(
        event=events[0], date=(events[0].start + datetime.timedelta(weeks=1)).date()
    )
    month = events[0].start.strftime("%Y-%m")

    def grow(count):
        # Publishing the first `count` events and hiding the others changes what is listed.
        EventPage.objects.filter(pk__in=[e.pk for e in events[:count]]).update(live=True)
        EventPage.objects.filter(pk__in=[e.pk for e in events[count:]]).update(live=False)

    for url, budget in [
        (agenda.url, 40),
        (agenda.url + "?zone=hainaut&type=reseautage", 40),
        (agenda.url + f"mois/?mois={month}", 40),
        (agenda.url + "passes/", 40),
        (calendar.url, 40),
        (agenda.url + "ical/", 15),
        (calendar.url + "ical/?zone=hainaut", 15),
        ("/", 40),
    ]:
        assert_fixed_query_budget(client, url, grow, budget)


def test_event_page_budget_is_fixed(client, calendar, vocabularies):
    event = EventPageFactory(parent=calendar, capacity=500, registration_mode="site", recurrence="WEEKLY")
    event.zones.set([vocabularies["hainaut"]])
    event.save()

    def grow(count):
        from network.events.models import Registration

        Registration.objects.filter(event=event).delete()
        EventExceptionDate.objects.filter(event=event).delete()
        RegistrationFactory.create_batch(count, event=event)
        EventExceptionDate.objects.bulk_create(
            [
                EventExceptionDate(event=event, date=datetime.date(2040, 1, 1) + datetime.timedelta(days=n))
                for n in range(count)
            ]
        )

    assert_fixed_query_budget(client, event.url, grow, 30)
    assert_fixed_query_budget(client, event.url + "ical/", grow, 15)
