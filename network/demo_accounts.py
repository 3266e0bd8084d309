"""Demo: one account per role to try the admin with.

The accounts share the demo administrator's password (see the README): `membre` belongs to the
Vélo Châtelet structure and may edit its fiches only; `coordination` and `moderation` show the
coordinator's dashboard and the approval step of the workflow. `coordination` also belongs to the
coordinators group of the calendars its entry names: the Pages menu, creating events there;
and it coordinates the zones its entry names ("zones": "*" for every zone), so it decides their
join requests and invites their members.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from passerelles.demo_loading import demo_password_hash
from passerelles.vocabularies.models import Zone

from .events.models import CalendarPage
from .models import OrganisationMembership, OrganisationPage, ZoneCoordinator


def load(loader):
    data = loader.read_json("ownership.json")
    organisations = {page.slug: page for page in OrganisationPage.objects.filter(locale=loader.locale)}
    calendars = {page.slug: page for page in CalendarPage.objects.filter(locale=loader.locale)}
    for account in loader.step("Comptes de démonstration par rôle", data["accounts"]):
        ensure_account(account, organisations, calendars)


def ensure_account(account, organisations, calendars):
    user, _created = get_user_model().objects.get_or_create(
        username=account["username"],
        defaults={
            "email": account["email"],
            "first_name": account["first_name"],
            "last_name": account["last_name"],
            "password": demo_password_hash(),
        },
    )
    user.groups.add(Group.objects.get(name=account["role"]))
    if account.get("organisation"):
        OrganisationMembership.objects.get_or_create(
            user=user, organisation=organisations[account["organisation"]]
        )
    for slug in account.get("calendars", []):
        user.groups.add(calendars[slug].coordinators)
    zones = account.get("zones", [])
    french_zones = Zone.objects.canonical()
    for zone in french_zones if zones == "*" else french_zones.filter(slug__in=zones):
        ZoneCoordinator.objects.get_or_create(user=user, zone=zone)
