"""Faceted querysets of the directory (structures) and of the compagnons, shared by the HTML
listings and the GeoJSON endpoint so the map always shows what the list shows."""

from django.db.models import Count

from passerelles.facets import ChoiceFacet, Facet, FacetedFilter
from passerelles.localized import default_locale_page
from passerelles.vocabularies.models import MeetupFormat, StructureType, Zone
from passerelles.vocabularies.tagging import prefetch_tags

from .models.organisation import OrganisationPage
from .models.people import Person
from .models.tagging import OrganisationPublic, OrganisationSector, PersonSector

MAX_QUERY_LENGTH = 100


class RelatedFacet(ChoiceFacet):
    """A facet over a foreign key to a vocabulary (one value per item), e.g. the structure type.

    Counts go through a pk subquery so the joins of the other active facets never double-count.
    """

    def __init__(self, model, field_name):
        super().__init__(model.url_parameter, model.facet_label, field_name)
        self.model = model

    def choices(self):
        return [(value.slug, value.label) for value in self.model.objects.canonical()]

    def counts(self, queryset):
        rows = (
            queryset.model.objects.filter(pk__in=queryset.values("pk"))
            .order_by()
            .values(self.field_name)
            .annotate(n=Count("pk"))
        )
        return {row[self.field_name]: row["n"] for row in rows}


def organisation_facets():
    return [
        RelatedFacet(StructureType, "structure_type__slug"),
        RelatedFacet(Zone, "zone__slug"),
        Facet.of_tags(OrganisationSector),
        Facet.of_tags(OrganisationPublic),
    ]


def person_facets():
    return [
        Facet.of_tags(PersonSector),
        RelatedFacet(Zone, "organisation__zone__slug"),
        FormatFacet(MeetupFormat, "formats__slug"),
    ]


class FormatFacet(RelatedFacet):
    """Formats are many-to-many: count distinct people per format."""

    def counts(self, queryset):
        rows = (
            Person.formats.through.objects.filter(person__in=queryset.values("pk"))
            .values("meetupformat__slug")
            .annotate(n=Count("person", distinct=True))
        )
        return {row["meetupformat__slug"]: row["n"] for row in rows}


def organisations_for(directory):
    return OrganisationPage.objects.live().public().descendant_of(default_locale_page(directory))


def filtered_organisations(directory, data):
    """(FacetedFilter, base queryset, filtered queryset) of the directory's structures."""
    facets = FacetedFilter(organisation_facets(), data)
    base = organisations_for(directory)
    results = facets.apply(base).select_related("structure_type", "zone").order_by("title")
    return facets, base, results


def clean_text_query(raw):
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def filtered_people(data):
    """(FacetedFilter, base queryset, filtered queryset, text query) of the public compagnons."""
    facets = FacetedFilter(person_facets(), data)
    base = Person.objects.public()
    query = clean_text_query(data.get("q"))
    results = facets.apply(base)
    if query:
        from django.db.models import Q

        for word in query.split()[:8]:
            results = results.filter(
                Q(name__icontains=word)
                | Q(role__icontains=word)
                | Q(expertise__icontains=word)
                | Q(organisation__title__icontains=word)
                | Q(organisation__municipality__icontains=word)
            )
    results = (
        results.select_related("organisation__zone", "organisation__structure_type", "photo")
        .prefetch_related(*prefetch_tags(PersonSector), "formats")
        .order_by("name", "pk")
    )
    return facets, base, results, query


def geojson_features(organisations, request):
    """GeoJSON features of the structures that have coordinates. No person data at all."""
    features = []
    for organisation in organisations:
        if not organisation.has_coordinates:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(organisation.longitude), float(organisation.latitude)],
                },
                "properties": {
                    "id": organisation.pk,
                    "title": organisation.title,
                    "url": organisation.get_url(request),
                    "type": organisation.structure_type.label if organisation.structure_type else "",
                    "municipality": f"{organisation.postcode} {organisation.municipality}",
                    "zone": organisation.zone.label if organisation.zone else "",
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
