"""Demo directory: structures across Wallonia and Brussels, their compagnons, a few requests.

Everything is matched by a stable key (page slug, person name, requester e-mail) so that
loading twice changes nothing.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from passerelles.vocabularies.models import MeetupFormat, Public, Sector, StructureType, Zone

from .models import DirectoryPage, MeetupRequest, OrganisationPage, Person


def load(loader):
    data = loader.read_json("network.json")
    directory = loader.upsert_page(
        loader.home,
        DirectoryPage,
        data["directory"]["slug"],
        title=data["directory"]["title"],
        introduction=data["directory"]["introduction"],
        compagnons_introduction=data["directory"]["compagnons_introduction"],
        show_in_menus=True,
    )
    organisations = load_organisations(loader, directory, data["organisations"])
    people = load_people(loader, organisations, data["people"])
    load_meetup_requests(loader, people, data["meetup_requests"])


def load_organisations(loader, directory, entries):
    types = {value.slug: value for value in StructureType.objects.canonical()}
    zones = {value.slug: value for value in Zone.objects.canonical()}
    sectors = {value.slug: value for value in Sector.objects.canonical()}
    publics = {value.slug: value for value in Public.objects.canonical()}
    organisations = {}
    for entry in loader.step("structures", entries):
        fields = {
            key: entry[key]
            for key in (
                "title",
                "street_address",
                "postcode",
                "municipality",
                "agrement_number",
                "phone",
                "website",
            )
        }
        fields.update(
            structure_type=types[entry["structure_type"]],
            zone=zones[entry["zone"]],
            latitude=Decimal(str(entry["latitude"])),
            longitude=Decimal(str(entry["longitude"])),
            description=f"<p>{entry['description']}</p>",
            search_description=entry["description"][:160],
        )
        tags = {
            "sectors": [sectors[slug] for slug in entry["sectors"]],
            "publics": [publics[slug] for slug in entry["publics"]],
        }
        page = loader.upsert_page(directory, OrganisationPage, entry["slug"], tags=tags, **fields)
        organisations[entry["slug"]] = page
    return organisations


def load_people(loader, organisations, entries):
    formats = {value.slug: value for value in MeetupFormat.objects.canonical()}
    sectors = {value.slug: value for value in Sector.objects.canonical()}
    people = {}
    for entry in loader.step("compagnons", entries):
        person, _created = Person.objects.update_or_create(
            name=entry["name"],
            defaults={
                "organisation": organisations[entry["organisation"]],
                "role": entry["role"],
                "expertise": entry["expertise"],
                "languages": entry["languages"],
                "availability": entry["availability"],
                "email": entry["email"],
                "consent_given": entry["consent_given"],
                "consent_date": date.fromisoformat(entry["consent_date"]) if entry["consent_date"] else None,
            },
        )
        person.sectors.set([sectors[slug] for slug in entry["sectors"]])
        person.formats.set([formats[slug] for slug in entry["formats"]])
        person.save()
        people[entry["name"]] = person
    return people


def load_meetup_requests(loader, people, entries):
    today = timezone.localdate()
    for entry in loader.step("demandes de rencontre", entries):
        person = people[entry["person"]]
        if MeetupRequest.objects.filter(person=person, requester_email=entry["requester_email"]).exists():
            continue
        meetup = MeetupRequest(
            person=person,
            requester_name=entry["requester_name"],
            requester_email=entry["requester_email"],
            requester_organisation=entry["requester_organisation"],
            message=entry["message"],
            date_from=today + timedelta(days=entry["days"][0]),
            date_to=today + timedelta(days=entry["days"][1]),
            format=MeetupFormat.objects.canonical().get(slug=entry["format"]),
            notified_at=timezone.now(),
        )
        meetup.save(changed_by="démo")
        if entry["status"] != meetup.status:
            meetup.status = entry["status"]
            meetup.answered_at = timezone.now()
            meetup.save(changed_by="démo (le compagnon)")
