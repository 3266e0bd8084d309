"""Tag links from structures and compagnons to the shared vocabularies."""

from passerelles.vocabularies.models import Public, Sector
from passerelles.vocabularies.tagging import tag_link


class OrganisationSector(tag_link(Sector, "network.OrganisationPage", related_name="sector_items")):
    pass


class OrganisationPublic(tag_link(Public, "network.OrganisationPage", related_name="public_items")):
    pass


class PersonSector(tag_link(Sector, "network.Person", related_name="sector_items")):
    pass
