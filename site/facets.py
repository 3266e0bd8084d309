"""Faceted filtering shared by every listing (knowledge, directory, offers, agenda, search).

A facet is one vocabulary (or a fixed list of choices) read from the query string by its
parameter, e.g. `?secteur=numerique&secteur=deee&public=neet`. Values of one facet are OR-ed,
facets are AND-ed, and each value shows how many items it would give once combined with the
other active facets (disjunctive faceting). Unknown values are ignored and reported in French,
never an error: shared links keep working when a value is retired.

Every facet costs a fixed number of queries, whatever the amount of content.
"""

from dataclasses import dataclass, field

from django.db.models import CharField, Count, F, Value
from django.utils import translation
from django.utils.translation import gettext as _

from .fragments import remembered, remembered_query

MAX_VALUES_PER_FACET = 20


@dataclass
class FacetValue:
    slug: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """A vocabulary facet: `through` is the tagged-item model linking items to `tag_model`.

    `lookup` is the path from the listed model to the tag slug (e.g. "sector_items__tag__slug").
    """

    parameter: str
    label: str
    tag_model: type
    through: type
    lookup: str
    item_field: str = "content_object"

    @classmethod
    def of_tags(cls, through, lookup=None, item_field="content_object"):
        """The facet of the vocabulary that the tag link model `through` points at: its URL
        parameter and its heading are the vocabulary's, the lookup follows the link's related name."""
        vocabulary = through._meta.get_field("tag").related_model
        if lookup is None:
            lookup = f"{through._meta.get_field(item_field).remote_field.related_name}__tag__slug"
        return cls(vocabulary.url_parameter, vocabulary.facet_label, vocabulary, through, lookup, item_field)

    def choices(self):
        # Canonical (French) terms only, labelled in the visitor's language: same URLs everywhere.
        # Remembered until the next publication (a term saved bumps it too).
        return remembered(
            "facet-choices",
            self.tag_model._meta.label,
            translation.get_language(),
            build=lambda: [(tag.slug, tag.label) for tag in self.tag_model.objects.canonical()],
        )

    def filter(self, queryset, slugs):
        return queryset.filter(**{f"{self.lookup}__in": slugs})

    def counts(self, queryset):
        return dict(self.count_rows(queryset).values_list("value", "n"))

    def count_rows(self, queryset):
        """(value, n) rows: how many items of `queryset` carry each term."""
        return (
            self.through.objects.filter(**{f"{self.item_field}__in": queryset.values("pk")})
            .order_by()
            .values(value=F("tag__slug"))
            .annotate(n=Count(self.item_field, distinct=True))
        )


@dataclass
class ChoiceFacet:
    """A facet over a plain model field with fixed choices (page type, offer kind...)."""

    parameter: str
    label: str
    field_name: str
    choice_list: list = field(default_factory=list)

    def choices(self):
        return list(self.choice_list)

    def filter(self, queryset, slugs):
        return queryset.filter(**{f"{self.field_name}__in": slugs})

    def counts(self, queryset):
        return dict(self.count_rows(queryset).values_list("value", "n"))

    def count_rows(self, queryset):
        return queryset.order_by().values(value=F(self.field_name)).annotate(n=Count("pk", distinct=True))


class FacetedFilter:
    """Reads the active facets from a QueryDict and filters a queryset with them."""

    def __init__(self, facets, data):
        self.facets = facets
        self.errors = []
        self.selected = {}
        self._choices = {}
        for facet in facets:
            known = dict(facet.choices())
            self._choices[facet.parameter] = known
            asked = [value.strip() for value in data.getlist(facet.parameter) if value.strip()]
            valid = [value for value in asked if value in known][:MAX_VALUES_PER_FACET]
            if len(valid) < len([value for value in asked if value]):
                self.errors.append(
                    _("Un filtre « %(label)s » demandé n’existe pas ou plus ; il a été ignoré.")
                    % {"label": facet.label}
                )
            if valid:
                self.selected[facet.parameter] = valid

    def apply(self, queryset, exclude=None):
        for facet in self.facets:
            slugs = self.selected.get(facet.parameter)
            if slugs and facet.parameter != exclude:
                queryset = facet.filter(queryset, slugs)
        return queryset.distinct() if self.selected else queryset

    def facet_values(self, base_queryset, in_one_query=False):
        """For each facet, its values with the count they would give with the other facets on.

        `in_one_query`: every facet's counts are read in one UNION ALL statement (for facets
        over database querysets) instead of one query per facet."""
        combined = [facet for facet in self.facets if in_one_query and hasattr(facet, "count_rows")]
        all_counts = {}
        if combined:
            parts = [
                facet.count_rows(self.apply(base_queryset, exclude=facet.parameter))
                .annotate(facet=Value(facet.parameter, output_field=CharField()))
                .values_list("facet", "value", "n")
                for facet in combined
            ]
            for parameter, value, n in parts[0].union(*parts[1:], all=True):
                all_counts.setdefault(parameter, {})[value] = n
        for facet in self.facets:
            if facet not in combined:
                all_counts[facet.parameter] = facet.counts(self.apply(base_queryset, exclude=facet.parameter))
        return self.values_with_counts(all_counts)

    def values_with_counts(self, all_counts):
        """What facet_values returns, from counts already read: {parameter: {slug: count}}."""
        result = []
        for facet in self.facets:
            counts = all_counts.get(facet.parameter, {})
            chosen = self.selected.get(facet.parameter, [])
            values = [
                FacetValue(slug, label, counts.get(slug, 0), slug in chosen)
                for slug, label in self._choices[facet.parameter].items()
            ]
            result.append({"parameter": facet.parameter, "label": facet.label, "values": values})
        return result

    def key(self):
        """The active values, normalised (sorted, valid only): part of a remembered query's key."""
        return tuple(
            sorted((parameter, tuple(sorted(set(slugs)))) for parameter, slugs in self.selected.items())
        )

    def remembered_facet_values(self, name, base_queryset, *parts):
        """`facet_values(base_queryset, in_one_query=True)` remembered until the next publication
        for these active values (and `parts`: what else selects `base_queryset`)."""
        return remembered_query(
            f"facets-{name}",
            (*parts, self.key()),
            build=lambda: self.facet_values(base_queryset, in_one_query=True),
        )

    @property
    def active(self):
        """(parameter, slug, label) of every active value, to show and remove them one by one."""
        return [
            (parameter, slug, self._choices[parameter][slug])
            for parameter, slugs in self.selected.items()
            for slug in slugs
        ]
