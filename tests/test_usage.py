"""Usage statistics without tracking: server-side daily counters per page, counted when a page is
served (from the page cache too), a PDF downloaded, a meetup request sent or a registration made;
read by each role within its scope, on the dashboard and in the monthly report and its CSV."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from network.events.models import EventPage
from network.models import OrganisationMembership, ZoneCoordinator
from tests.factories_events import RegistrationFactory
from tests.factories_network import MeetupRequestFactory, zone
from tests.helpers import count_queries, without_usage_counter
from usage.counting import count
from usage.models import DailyCount, UsageKind

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
REPORT = "/admin/reports/statistiques-usage/"


@pytest.fixture
def world(roles_world):
    return roles_world


@pytest.fixture
def visitor():
    return Client(HTTP_USER_AGENT=BROWSER)


@pytest.fixture
def page_cache(settings):
    settings.PASSERELLES_PAGE_CACHE = True


def counted(page, kind=UsageKind.VIEW):
    row = DailyCount.objects.filter(page_id=page.pk, kind=kind, date=timezone.localdate()).first()
    return row.count if row else 0


def test_a_view_of_a_fiche_or_a_structure_counts_once_other_pages_not(world, visitor):
    assert visitor.get(world.own_fiche.url).status_code == 200
    assert counted(world.own_fiche) == 1
    visitor.get(world.own_structure.url)
    visitor.get(world.own_structure.url)
    assert counted(world.own_structure) == 2
    visitor.get(world.free_page.url)
    visitor.get(world.knowledge.url)
    assert not DailyCount.objects.filter(page_id__in=[world.free_page.pk, world.knowledge.pk]).exists()
    assert counted(world.own_fiche) == 1


def test_pages_from_the_cache_and_304_answers_are_counted(world, visitor, page_cache):
    url = world.own_fiche.url
    first = visitor.get(url)
    again = visitor.get(url)
    assert again["X-Page-Cache"] == "hit"
    not_modified = visitor.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304
    assert counted(world.own_fiche) == 3


def test_a_counted_request_adds_one_statement_the_budgets_leave_out(world, visitor, page_cache):
    url = world.own_fiche.url
    visitor.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get(url)["X-Page-Cache"] == "hit"
    statements = [query["sql"] for query in queries.captured_queries]
    assert [sql for sql in statements if "usage_dailycount" in sql and "INSERT" in sql]
    assert without_usage_counter(queries.captured_queries) == []
    _response, budgeted = count_queries(visitor, url)
    assert budgeted == 0
    assert counted(world.own_fiche) == 3


def test_head_bots_scripts_editors_and_previews_are_not_counted(world, visitor, admin_client_logged):
    url = world.own_fiche.url
    visitor.head(url)
    Client(HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").get(
        url
    )
    Client().get(url)  # no User-Agent: a script
    Client(HTTP_USER_AGENT="curl/8.5.0").get(url)
    assert admin_client_logged.get(url).status_code == 200
    original = RequestFactory().get("/", HTTP_USER_AGENT=BROWSER)
    assert world.own_fiche.make_preview_request(original).status_code == 200
    visitor.get(url + "nexiste-pas/")  # a 404 below the fiche
    assert counted(world.own_fiche) == 0
    assert not DailyCount.objects.filter(kind__in=[UsageKind.VIEW, UsageKind.PDF]).exists()


def test_no_cookie_nor_header_is_added_to_count(world, visitor):
    response = visitor.get(world.own_fiche.url)
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert not [name for name in response.headers if "usage" in name.lower()]
    assert counted(world.own_fiche) == 1
    # Nothing about the visitor is stored: the row is a day, a page, a kind and a number.
    assert {field.name for field in DailyCount._meta.get_fields()} == {
        "id",
        "date",
        "page_id",
        "kind",
        "count",
    }


def test_a_pdf_download_is_counted_as_a_pdf(world, visitor):
    response = visitor.get(world.own_fiche.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert counted(world.own_fiche, UsageKind.PDF) == 1
    assert counted(world.own_fiche) == 0


def test_meetup_requests_and_registrations_count_for_the_right_structure(world):
    from usage.stats import page_usage, structures_pages

    EventPage.objects.filter(pk=world.event.pk).update(host_organisation=world.own_structure)
    MeetupRequestFactory(person=world.own_person)
    RegistrationFactory(event=world.event)
    # build_world already sent one request to each structure and registered one person per event.
    assert counted(world.own_structure, UsageKind.MEETUP) == 2
    assert counted(world.other_structure, UsageKind.MEETUP) == 1
    assert counted(world.event, UsageKind.REGISTRATION) == 2

    today = timezone.localdate()
    own = page_usage(today, today + datetime.timedelta(days=1), structures_pages([world.own_structure.pk]))
    by_title = {item.title: item for item in own}
    assert by_title[world.own_structure.title].meetup == 2
    assert by_title[world.event.title].registration == 2
    assert by_title[world.event.title].structure == world.own_structure.title
    assert world.other_structure.title not in by_title


def test_a_counter_that_cannot_be_written_never_fails_the_page(world, visitor):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE usage_dailycount")
    response = visitor.get(world.own_fiche.url)
    assert response.status_code == 200
    assert world.own_fiche.title in response.content.decode()
    # The request's transaction is still usable after the failed write.
    assert EventPage.objects.filter(pk=world.event.pk).exists()


def test_counting_the_same_page_twice_the_same_day_adds_up_in_one_row(world):
    day = datetime.date(2025, 3, 14)
    assert count(world.own_fiche.pk, UsageKind.VIEW, day)
    assert count(world.own_fiche.pk, UsageKind.VIEW, day)
    assert count(world.own_fiche.pk, UsageKind.PDF, day)
    rows = DailyCount.objects.filter(page_id=world.own_fiche.pk, date=day)
    assert sorted(rows.values_list("kind", "count")) == [("pdf", 1), ("views", 2)]


def test_the_dashboard_shows_the_members_structure_only(client, world, visitor):
    visitor.get(world.own_fiche.url)
    visitor.get(world.own_fiche.url)
    visitor.get(world.other_fiche.url)
    client.force_login(world.users["membre"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="my-structure-usage', 1)[1].split("</section>", 1)[0]
    assert "Fréquentation de ma structure" in html
    assert world.own_fiche.title in panel
    assert "Vues : 2" in panel
    assert world.other_fiche.title not in panel
    client.force_login(world.users["moderation"])  # no structure: no such panel
    assert "Fréquentation de ma structure" not in client.get(reverse("wagtailadmin_home")).content.decode()


def month():
    return timezone.localdate().strftime("%Y-%m")


def test_the_report_is_filtered_by_zone_for_coordinators(client, world, visitor):
    world.own_structure.zone = zone("hainaut")
    world.own_structure.save()
    world.other_structure.zone = zone("liege")
    world.other_structure.save()
    coordinator = world.users["coordination"]
    OrganisationMembership.objects.create(user=coordinator, organisation=world.own_structure)
    for page in (world.own_fiche, world.other_fiche, world.own_structure):
        visitor.get(page.url)

    client.force_login(coordinator)
    html = client.get(REPORT).content.decode()
    assert world.own_fiche.title in html and world.own_structure.title in html
    assert world.other_fiche.title not in html
    refused = client.get(REPORT, {"zone": "liege", "mois": month()})
    assert refused.status_code == 200
    assert "Zone inconnue ou hors de votre périmètre." in refused.content.decode()
    assert world.other_fiche.title not in refused.content.decode()

    client.force_login(world.users["administration"])
    everything = client.get(REPORT).content.decode()
    assert world.own_fiche.title in everything and world.other_fiche.title in everything
    liege = client.get(REPORT, {"zone": "liege"}).content.decode()
    assert world.other_fiche.title in liege and world.own_fiche.title not in liege


def test_a_zone_coordinator_without_a_structure_reads_their_zones(client, world, visitor):
    world.own_structure.zone = zone("hainaut")
    world.own_structure.save()
    world.other_structure.zone = zone("liege")
    world.other_structure.save()
    coordinator = world.users["coordination"]
    OrganisationMembership.objects.filter(user=coordinator).delete()
    ZoneCoordinator.objects.filter(user=coordinator).delete()
    ZoneCoordinator.objects.create(user=coordinator, zone=zone("liege"))
    for page in (world.own_fiche, world.other_fiche):
        visitor.get(page.url)

    client.force_login(coordinator)
    html = client.get(REPORT).content.decode()
    assert world.other_fiche.title in html
    assert world.own_fiche.title not in html


def test_a_member_reads_their_structure_only_and_others_nothing(client, world, visitor, django_user_model):
    for page in (world.own_fiche, world.other_fiche):
        visitor.get(page.url)
    other_member = django_user_model.objects.create_user("autre", "autre@example.org", "x")
    other_member.groups.add(*world.users["membre"].groups.all())
    OrganisationMembership.objects.create(user=other_member, organisation=world.other_structure)
    client.force_login(other_member)
    html = client.get(REPORT, {"zone": "namur"}).content.decode()  # a member has no zone filter
    assert world.other_fiche.title in html
    assert world.own_fiche.title not in html
    csv_text = b"".join(client.get(REPORT, {"export": "csv"}).streaming_content).decode()
    assert world.other_fiche.title in csv_text and world.own_fiche.title not in csv_text

    nobody = django_user_model.objects.create_user("sansrole", "sansrole@example.org", "x")
    nobody.groups.add(*world.users["membre"].groups.all())
    client.force_login(nobody)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert world.other_fiche.title not in response.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_monthly_csv_has_french_headers_and_the_months_counts(client, world, visitor):
    visitor.get(world.own_fiche.url)
    visitor.get(world.own_fiche.url + "pdf/")
    count(world.own_fiche.pk, UsageKind.VIEW, datetime.date(2024, 1, 10))
    client.force_login(world.users["administration"])
    response = client.get(REPORT, {"mois": month(), "export": "csv"})
    assert response.status_code == 200
    assert f"statistiques-usage-{month()}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Page",
        "Type de page",
        "Structure",
        "Zone",
        "Vues",
        "Téléchargements PDF",
        "Demandes de rencontre",
        "Inscriptions",
    ]
    fiche = next(row for row in rows if row[0] == world.own_fiche.title)
    assert fiche[2] == world.own_structure.title
    assert fiche[4:6] == ["1", "1"]
    january = client.get(REPORT, {"mois": "2024-01", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(january.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == [world.own_fiche.title]
    assert rows[1][4] == "1"


@pytest.mark.parametrize(
    "params",
    [
        {"mois": "2025-13"},
        {"mois": "mars"},
        {"mois": "2025-03" * 300},
        {"mois": "<script>alert(1)</script>"},
        {"mois": "1850-01"},
        {"zone": "nulle-part"},
        {"zone": "<b>x</b>"},
        {"zone": "1" * 5000},
    ],
)
def test_bad_month_or_zone_gets_a_french_message(client, world, params):
    client.force_login(world.users["administration"])
    response = client.get(REPORT, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mois invalide : utilisez le format AAAA-MM" in html or "Zone inconnue" in html
    assert "<script>alert(1)</script>" not in html
    export = client.get(REPORT, {**params, "export": "csv"})
    assert export.status_code == 400
    assert "invalide" in export.content.decode() or "Zone inconnue" in export.content.decode()


def test_prune_usage_keeps_the_last_months(home):
    today = timezone.localdate()
    old = datetime.date(today.year - 3, today.month, 1)
    recent = today.replace(day=1)
    count(home.pk, UsageKind.VIEW, old)
    count(home.pk, UsageKind.VIEW, recent)
    out = io.StringIO()
    call_command("prune_usage", stdout=out)
    assert "1 compteur(s)" in out.getvalue()
    assert list(DailyCount.objects.values_list("date", flat=True)) == [recent]
    call_command("prune_usage", "--mois", "1", stdout=io.StringIO())
    assert DailyCount.objects.count() == 1
    with pytest.raises(CommandError, match="compris entre 1 et 1200"):
        call_command("prune_usage", "--mois", "0")
