"""Who reads which counters: administrators and moderators all of them, a coordinator the
structures of the zones they coordinate (*Réseau › Coordinations de zone*, the zones that decide
join requests) and of the zones of their own structures, and their own, a member their structure's only, anyone else nothing."""

from dataclasses import dataclass

from network.models import OrganisationPage, ZoneCoordinator
from network.ownership import is_restricted_to_own_organisation, organisation_ids_of
from passerelles.roles import COORDINATORS


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    zone_ids: frozenset = frozenset()
    structure_ids: frozenset = frozenset()

    def __bool__(self):
        return self.everything or bool(self.zone_ids or self.structure_ids)


def scope_of(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope()
    if not is_restricted_to_own_organisation(user):
        return Scope(everything=True)
    own = organisation_ids_of(user)
    if user.groups.filter(name=COORDINATORS).exists():
        zones = set(ZoneCoordinator.objects.filter(user=user).values_list("zone_id", flat=True))
        zones.update(
            OrganisationPage.objects.filter(pk__in=own, zone__isnull=False).values_list("zone_id", flat=True)
        )
        return Scope(zone_ids=frozenset(zones), structure_ids=own)
    return Scope(structure_ids=own)
