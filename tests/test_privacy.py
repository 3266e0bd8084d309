"""Privacy: export of everything held about a person, erasure on request, retention, no tracking."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from knowledge.livreblanc.models.consultation import Contribution
from network.events.models import Registration
from network.models import MeetupRequest, MeetupStatus, Person
from passerelles.privacy import ANONYMISED_EMAIL, ANONYMISED_NAME, erase_person, export_person
from tests.factories_events import (
    AgendaPageFactory,
    CalendarPageFactory,
    EventPageFactory,
    RegistrationFactory,
)
from tests.factories_livreblanc import ContributionFactory, build_white_paper
from tests.factories_network import (
    DirectoryPageFactory,
    MeetupRequestFactory,
    OrganisationPageFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

NADIA = "nadia.benali@cisp-tremplin.example"
OTHER = "marc.dupont@eft-lac.example"


@pytest.fixture
def directory(home):
    return DirectoryPageFactory(parent=home)


@pytest.fixture
def nadia(home, directory):
    """Nadia is a compagnon, asked for a meeting, registered to an event and contributed."""
    structure = OrganisationPageFactory(parent=directory, title="CISP Le Tremplin")
    profile = PersonFactory(organisation=structure, name="Nadia Benali", email=NADIA)
    host = PersonFactory(organisation=structure, name="Marc Dupont", email=OTHER)
    request = MeetupRequestFactory(person=host, requester_name="Nadia Benali", requester_email=NADIA)
    calendar = CalendarPageFactory(parent=AgendaPageFactory(parent=home))
    event = EventPageFactory(parent=calendar)
    registration = RegistrationFactory(event=event, name="Nadia Benali", email=NADIA)
    _edition, recommendations = build_white_paper(home, chapters=1, per_chapter=1)
    contribution = ContributionFactory(recommendation=recommendations[0], name="Nadia Benali", email=NADIA)
    MeetupRequestFactory(person=profile, requester_name="Marc Dupont", requester_email=OTHER)
    return {
        "profile": profile,
        "request": request,
        "registration": registration,
        "contribution": contribution,
        "directory": directory,
    }


def test_export_holds_everything_about_the_person_and_nothing_of_others(nadia):
    data = export_person(NADIA)
    assert set(data) == {
        "compagnons",
        "demandes de rencontre",
        "inscriptions",
        "contributions au livre blanc",
    }
    assert data["compagnons"][0]["name"] == "Nadia Benali"
    assert data["compagnons"][0]["consent_given"] is True
    assert data["demandes de rencontre"][0]["message"] == nadia["request"].message
    assert data["inscriptions"][0]["event"] == nadia["registration"].event.title
    assert data["contributions au livre blanc"][0]["text"] == nadia["contribution"].text
    assert OTHER not in json.dumps(data)
    assert len(data["demandes de rencontre"]) == 1  # not the request Marc sent to her profile


def test_export_command_prints_json_and_refuses_a_bad_address(nadia):
    out = StringIO()
    call_command("export_personal_data", NADIA.upper(), stdout=out)
    exported = json.loads(out.getvalue())
    assert exported["donnees"]["inscriptions"][0]["email"] == NADIA
    with pytest.raises(CommandError, match="n'est pas une adresse e-mail valide"):
        call_command("export_personal_data", "<script>pas-une-adresse", stdout=StringIO())


def test_erasure_anonymises_every_record_and_hides_the_profile(client, nadia):
    profile_url = nadia["directory"].person_url(nadia["profile"])
    assert "Nadia Benali" in client.get(profile_url).content.decode()

    counts = erase_person(NADIA)

    assert counts["compagnons"] == 1 and counts["inscriptions"] == 1
    assert export_person(NADIA) == {}
    profile = Person.objects.get(pk=nadia["profile"].pk)
    assert (profile.name, profile.email, profile.consent_given) == (ANONYMISED_NAME, ANONYMISED_EMAIL, False)
    assert client.get(profile_url).status_code == 404
    request = MeetupRequest.objects.get(pk=nadia["request"].pk)
    assert (request.requester_name, request.message) == (ANONYMISED_NAME, "")
    assert Registration.objects.get(pk=nadia["registration"].pk).name == ANONYMISED_NAME
    contribution = Contribution.objects.get(pk=nadia["contribution"].pk)
    assert (contribution.name, contribution.text) == (ANONYMISED_NAME, "")  # it was not published
    # Others keep their data.
    assert Person.objects.get(email=OTHER).name == "Marc Dupont"
    assert MeetupRequest.objects.filter(requester_email=OTHER).exists()


def test_erasure_leaves_no_copy_in_the_compagnons_history(nadia):
    profile = nadia["profile"]
    profile.expertise = "Une version enregistrée dans l'historique."
    profile.save_revision()
    erase_person(NADIA)
    assert not profile.revisions.exists()


def test_erase_option_of_the_command(nadia):
    err = StringIO()
    call_command("export_personal_data", NADIA, "--effacer", stdout=StringIO(), stderr=err)
    assert "inscriptions : 1 enregistrement(s) anonymisé(s)" in err.getvalue()
    assert not Registration.objects.filter(email=NADIA).exists()


def age(queryset, days):
    queryset.update(created_at=timezone.now() - timedelta(days=days))


def test_retention_anonymises_only_old_finished_records_with_progress(nadia, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    old_answered = MeetupRequestFactory(person=nadia["profile"], requester_email="ancien@example.org")
    MeetupRequest.objects.filter(pk=old_answered.pk).update(status=MeetupStatus.DONE)
    old_waiting = MeetupRequestFactory(person=nadia["profile"], requester_email="attente@example.org")
    age(MeetupRequest.objects.filter(pk__in=[old_answered.pk, old_waiting.pk]), 400)
    past_event = EventPageFactory(
        parent=nadia["registration"].event.get_parent(),
        start=timezone.now() - timedelta(days=420),
        end=timezone.now() - timedelta(days=420) + timedelta(hours=2),
    )
    old_registration = RegistrationFactory(event=past_event, email="participant@example.org")
    age(Registration.objects.filter(pk__in=[old_registration.pk, nadia["registration"].pk]), 400)

    dry = StringIO()
    call_command("anonymise_personal_data", "--dry-run", stdout=dry)
    assert "demandes de rencontre : 1" in dry.getvalue()
    assert MeetupRequest.objects.get(pk=old_answered.pk).requester_email == "ancien@example.org"

    out = StringIO()
    call_command("anonymise_personal_data", stdout=out)
    assert "Durée de conservation : 365 jours" in out.getvalue()
    assert "[" in out.getvalue() and "inscriptions : 1" in out.getvalue()
    assert MeetupRequest.objects.get(pk=old_answered.pk).requester_email == ANONYMISED_EMAIL
    assert MeetupRequest.objects.get(pk=old_waiting.pk).requester_email == "attente@example.org"  # unanswered
    assert Registration.objects.get(pk=old_registration.pk).email == ANONYMISED_EMAIL
    assert Registration.objects.get(pk=nadia["registration"].pk).email == NADIA  # the event is to come
    assert MeetupRequest.objects.get(pk=nadia["request"].pk).requester_email == NADIA  # recent
