"""The shapes of the API's answers: they render the rows of `resources` and document them in the
OpenAPI schema (drf-spectacular reads these classes), so the schema is the answer's own shape."""

from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="Identifiant stable du terme, le même dans toutes les langues.")
    label = serializers.CharField(help_text="Libellé dans la langue demandée.")


def terms_field():
    return TermSerializer(many=True)


class PageRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    language = serializers.CharField(help_text="Langue du contenu (fr quand la traduction manque).")


class KnowledgeSerializer(PageRowSerializer):
    type = serializers.ChoiceField(choices=["fiche", "pratique"])
    summary = serializers.CharField()
    organisation = serializers.CharField(help_text="Structure responsable (vide : contenu du réseau).")
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_reviewed = serializers.DateField(allow_null=True)
    sectors = terms_field()
    publics = terms_field()
    themes = terms_field()
    structure_types = terms_field()
    zones = terms_field()


class OrganisationSerializer(PageRowSerializer):
    structure_type = TermSerializer(allow_null=True)
    zone = TermSerializer(allow_null=True)
    street_address = serializers.CharField()
    postcode = serializers.CharField()
    municipality = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    website = serializers.CharField()
    phone = serializers.CharField(help_text="Téléphone de la structure (jamais celui d’une personne).")
    sectors = terms_field()
    publics = terms_field()


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    role = serializers.CharField()
    expertise = serializers.CharField()
    languages = serializers.CharField()
    availability = serializers.CharField()
    url = serializers.URLField(help_text="Profil public, avec le formulaire de demande de rencontre.")
    organisation = serializers.CharField()
    organisation_url = serializers.URLField()
    zone = TermSerializer(allow_null=True)
    sectors = terms_field()
    formats = terms_field()


class EventSerializer(PageRowSerializer):
    start = serializers.DateTimeField(help_text="Début de cette date de l’événement.")
    end = serializers.DateTimeField()
    all_day = serializers.BooleanField()
    later_dates = serializers.IntegerField(help_text="Dates suivantes de la même série dans la période.")
    event_type = TermSerializer()
    organiser = serializers.CharField()
    introduction = serializers.CharField()
    venue = serializers.CharField()
    address = serializers.CharField()
    online_url = serializers.CharField()
    registration = serializers.CharField(help_text="Mode d’inscription.")
    registration_url = serializers.CharField()
    ical_url = serializers.URLField()
    zones = terms_field()
    sectors = terms_field()
    publics = terms_field()


class OfferSerializer(PageRowSerializer):
    kind = TermSerializer()
    summary = serializers.CharField()
    organisation = serializers.CharField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    permanent_entry = serializers.BooleanField()
    duration = serializers.CharField()
    street_address = serializers.CharField()
    postcode = serializers.CharField()
    municipality = serializers.CharField()
    apply_url = serializers.CharField()
    apply_phone = serializers.CharField()
    sectors = terms_field()
    publics = terms_field()
    zones = terms_field()


def page_serializer(item_serializer):
    """The envelope of a page of results, named after the item's serializer."""
    name = item_serializer.__name__.replace("Serializer", "PageSerializer")
    return type(
        name,
        (serializers.Serializer,),
        {
            "count": serializers.IntegerField(help_text="Nombre total d’éléments pour ces filtres."),
            "page": serializers.IntegerField(),
            "pages": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "licence": serializers.CharField(),
            "results": item_serializer(many=True),
        },
    )


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Message dans la langue de la requête (français par défaut).")
    erreurs = serializers.ListField(child=serializers.CharField(), required=False)
