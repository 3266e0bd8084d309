"""Structures and consenting compagnons in the public search (never a person's e-mail)."""

from django.utils.translation import gettext_lazy as _

from search.registry import PageSource, SearchSource, register

from .models import OrganisationPage, Person


def _one(value):
    return [value] if value is not None else []


@register
class OrganisationSource(PageSource):
    model = OrganisationPage
    type_key = "structure"
    label = _("Structure")
    vocabularies = {
        "sectors": "sectors",
        "publics": "publics",
        "zones": lambda organisation: _one(organisation.zone),
        "structure_types": lambda organisation: _one(organisation.structure_type),
    }
    text_fields = ("agrement_number", "municipality", "postcode", "description")

    def get_queryset(self):
        return super().get_queryset().select_related("zone", "structure_type")

    def date(self, organisation):
        return None  # a directory entry: its publication date says nothing to a visitor


@register
class CompagnonSource(SearchSource):
    model = Person
    type_key = "compagnon"
    label = _("Compagnon")
    vocabularies = {
        "sectors": "sectors",
        "zones": lambda person: _one(person.organisation.zone),
        "structure_types": lambda person: _one(person.organisation.structure_type),
    }

    def get_queryset(self):
        return Person.objects.public().select_related("organisation__zone", "organisation__structure_type")

    def is_public(self, person):
        return person.is_public

    def title(self, person):
        return f"{person.name}, {person.role}"

    def body(self, person):
        return [person.organisation.title, person.expertise, person.languages, person.availability]

    def summary(self, person):
        return person.expertise

    def locale(self, person):
        return person.organisation.locale.language_code
