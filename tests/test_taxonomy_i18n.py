"""Translated vocabularies: a Dutch visitor reads Dutch labels, filters and counts stay the same.

Items are tagged with the French (canonical) terms; Dutch terms are wagtail-localize translations
sharing their slug and translation key. Pages are built here rather than with the whole demo so
each test stays quick.
"""

import json
import re
from html import unescape

import polib
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.forms import modelform_factory
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from knowledge.models import FicheActionPage, KnowledgeSector
from network.models import OrganisationPage, Person
from passerelles.vocabularies.labels import localized_labels
from passerelles.vocabularies.models import MeetupFormat, Public, Sector, StructureType, Zone
from tests.factories_knowledge import FicheActionPageFactory, KnowledgeIndexPageFactory
from tests.factories_network import (
    DirectoryPageFactory,
    OrganisationPageFactory,
    PersonFactory,
    meetup_format,
    sector,
    structure_type,
    zone,
)
from tests.helpers import assert_fixed_query_budget, count_queries

pytestmark = pytest.mark.django_db


def dutch():
    return Locale.objects.get_or_create(language_code="nl")[0]


def translate(term, name, locale=None):
    """What a translator ends up with: the term's copy in Dutch, with its own label."""
    translation = term.copy_for_translation(locale or dutch())
    translation.name = name
    translation.save()
    return translation


def publish_translation(page, slug, title):
    copy = page.copy_for_translation(dutch())
    copy.slug, copy.title = slug, title
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def facet_labels(html, parameter):
    """{slug: (label, count)} of one facet of the filter form (a French fallback label included)."""
    found = re.findall(
        rf'<label for="f-{parameter}-([^"]+)">(?:<span lang="fr">)?([^<]+)(?:</span>)?'
        r' <span class="facet__count">\((\d+)\)</span>',
        html,
    )
    return {slug: (unescape(label), int(count)) for slug, label, count in found}


def checkboxes(html):
    return re.findall(r'<input type="checkbox" id="[^"]+" name="([^"]+)" value="([^"]+)"', html)


def card_count(html):
    return html.count('class="card__title"')


@pytest.fixture
def knowledge(home):
    """A French index with tagged fiches, and its Dutch translation (the fiches stay French)."""
    index = KnowledgeIndexPageFactory(parent=home)
    velo = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    numerique = Sector.objects.create(name="Numérique", slug="numerique")  # no Dutch label yet
    neet = Public.objects.create(name="Jeunes NEET", slug="neet")
    translate(velo, "Fietsherstel")
    translate(neet, "NEET-jongeren")
    for _ in range(3):
        FicheActionPageFactory(parent=index, tags={"sectors": [velo], "publics": [neet]})
    FicheActionPageFactory(parent=index, tags={"sectors": [numerique]})
    nl_home = home.copy_for_translation(dutch())
    nl_home.save_revision().publish()
    nl_index = publish_translation(index, "fiches-en-praktijken", "Fiches en praktijken")
    return {"fr": index.url, "nl": nl_index.url, "velo": velo, "numerique": numerique, "index": index}


def test_dutch_listing_shows_dutch_facet_labels_with_the_same_counts_and_urls(client, knowledge):
    assert knowledge["nl"] == "/nl/fiches-en-praktijken/"
    french = client.get(knowledge["fr"]).content.decode()
    dutch_html = client.get(knowledge["nl"]).content.decode()

    assert facet_labels(french, "secteur") == {
        "reparation-velos": ("Réparation vélos", 3),
        "numerique": ("Numérique", 1),
    }
    assert facet_labels(dutch_html, "secteur") == {
        "reparation-velos": ("Fietsherstel", 3),
        "numerique": ("Numérique", 1),  # not translated: the French label, never a blank
    }
    assert facet_labels(dutch_html, "public") == {"neet": ("NEET-jongeren", 3)}
    # Same parameters and values: a filtered link works in every language.
    assert checkboxes(dutch_html) == checkboxes(french)
    filtered_fr = client.get(knowledge["fr"], {"secteur": "reparation-velos"}).content.decode()
    filtered_nl = client.get(knowledge["nl"], {"secteur": "reparation-velos"}).content.decode()
    assert card_count(filtered_nl) == card_count(filtered_fr) == 3
    assert "n’existe pas" not in filtered_nl


def test_cards_and_removal_links_show_dutch_labels(client, knowledge):
    html = client.get(knowledge["nl"], {"secteur": "reparation-velos"}).content.decode()
    assert '<li class="tag">Fietsherstel</li>' in html
    assert '<li class="tag tag--public">NEET-jongeren</li>' in html
    assert "Réparation vélos" not in html
    french = client.get(knowledge["fr"], {"secteur": "reparation-velos"}).content.decode()
    assert '<li class="tag">Réparation vélos</li>' in french
    assert "Fietsherstel" not in french


def test_fiche_page_links_its_tags_to_the_dutch_listing_with_french_slugs(client, knowledge):
    fiche = FicheActionPage.objects.filter(sector_items__tag=knowledge["velo"]).first()
    nl_fiche = publish_translation(fiche, "fiets-fiche", "Fietsfiche")
    html = client.get(nl_fiche.url).content.decode()
    assert '?secteur=reparation-velos">Fietsherstel</a>' in html


def test_language_without_labels_falls_back_to_french(client, knowledge):
    german = Locale.objects.create(language_code="de")
    from passerelles.models import HomePage

    HomePage.objects.get(locale=Locale.get_default()).copy_for_translation(german).save_revision().publish()
    de_index = knowledge["index"].copy_for_translation(german)
    de_index.slug = "praxis"
    de_index.save_revision().publish()
    html = client.get("/de/praxis/").content.decode()
    assert facet_labels(html, "secteur") == {
        "reparation-velos": ("Réparation vélos", 3),
        "numerique": ("Numérique", 1),
    }
    # Screen readers read them as French (WCAG 3.1.2).
    assert '<label for="f-secteur-numerique"><span lang="fr">Numérique</span> ' in html
    assert '<li class="tag"><span lang="fr">Réparation vélos</span></li>' in html


def test_dutch_listing_query_budget_is_fixed(client, knowledge):
    index = knowledge["index"]

    def grow(count):
        for _ in range(count - FicheActionPage.objects.count()):
            FicheActionPageFactory(parent=index, tags={"sectors": [knowledge["velo"]]})

    # A Dutch listing also finds the French originals it lists (see passerelles.localized).
    dutch_cost = assert_fixed_query_budget(
        client, knowledge["nl"] + "?secteur=reparation-velos", grow, budget=35
    )
    _response, french_cost = count_queries(client, knowledge["fr"] + "?secteur=reparation-velos")
    # At most one query per vocabulary for its Dutch labels (plus finding the French original).
    assert dutch_cost <= french_cost + 7


def test_labels_of_many_terms_cost_one_query_per_vocabulary(django_assert_num_queries):
    from django.utils import translation

    terms = [Sector.objects.create(name=f"Secteur {n}", slug=f"secteur-{n}") for n in range(12)]
    for term in terms[:6]:
        translate(term, f"Sector {term.pk}")
    terms = list(Sector.objects.canonical())
    with translation.override("nl"), django_assert_num_queries(1):
        labels = localized_labels(terms)
    assert labels[terms[0].pk] == f"Sector {terms[0].pk}"
    assert labels[terms[-1].pk] == terms[-1].name  # untranslated: French
    with translation.override("fr"), django_assert_num_queries(0):
        assert localized_labels(terms)[terms[0].pk] == terms[0].name


def test_a_translated_term_picked_by_an_editor_is_saved_as_the_french_one(home):
    velo = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    fiets = translate(velo, "Fietsherstel")
    index = KnowledgeIndexPageFactory(parent=home)
    fiche = FicheActionPageFactory(parent=index, tags={"sectors": [fiets]})
    assert list(KnowledgeSector.objects.filter(content_object=fiche).values_list("tag_id", flat=True)) == [
        velo.pk
    ]
    # Both the French term and its Dutch translation picked: tagged once.
    fiche.sectors.set([velo, fiets])
    fiche.save_revision().publish()
    assert list(KnowledgeSector.objects.filter(content_object=fiche).values_list("tag_id", flat=True)) == [
        velo.pk
    ]


def test_a_dutch_name_typed_in_the_admin_tag_field_tags_the_french_term(home):
    velo = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    translate(velo, "Fietsherstel")
    fiche = FicheActionPageFactory(parent=KnowledgeIndexPageFactory(parent=home), title="Atelier vélo")
    field = FicheActionPage._meta.get_field("sectors").formfield()  # the admin's tag field
    names = field.clean("Fietsherstel")
    assert names == ["Fietsherstel"]
    fiche.sectors.set(names)
    fiche.save_revision().publish()
    assert [item.tag for item in KnowledgeSector.objects.filter(content_object=fiche)] == [velo]


def test_a_structure_refuses_a_translated_type_and_a_compagnon_gets_the_french_format(home):
    cisp = structure_type("cisp", "CISP")
    visite = meetup_format()
    directory = DirectoryPageFactory(parent=home)
    # Structure type and zone are chosen among French terms only: a translated one is refused.
    with pytest.raises(ValidationError) as refused:
        OrganisationPageFactory(parent=directory, structure_type=translate(cisp, "Inschakelingscentrum"))
    assert "structure_type" in refused.value.message_dict
    organisation = OrganisationPageFactory(parent=directory, structure_type=cisp, zone=zone("namur"))
    person = PersonFactory(organisation=organisation, formats=[translate(visite, "Bezoek ter plaatse")])
    assert list(Person.objects.get(pk=person.pk).formats.all()) == [visite]


@pytest.mark.parametrize(
    "model, field", [(OrganisationPage, "structure_type"), (OrganisationPage, "zone"), (Person, "formats")]
)
def test_admin_choices_offer_french_terms_only(model, field):
    related = model._meta.get_field(field).related_model
    original = related.objects.create(name=f"Terme {field}", slug=f"terme-{field}")
    translate(original, f"Term {field}")
    form = modelform_factory(model, fields=[field])()
    assert list(form.fields[field].queryset) == [original]


def test_canonical_terms_are_the_french_ones():
    assert list(Sector.objects.canonical()) == []
    velo = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    translate(velo, "Fietsherstel")
    assert list(Sector.objects.canonical()) == [velo]
    assert Sector.objects.filter(slug="reparation-velos").count() == 2


def test_slug_and_name_are_unique_per_language_only():
    velo = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    fiets = translate(velo, "Fietsherstel")
    assert fiets.slug == velo.slug and fiets.translation_key == velo.translation_key
    with pytest.raises(IntegrityError), transaction.atomic():
        Sector.objects.create(name="Vélos", slug="reparation-velos")
    with pytest.raises(IntegrityError), transaction.atomic():
        Sector.objects.create(name="Réparation vélos", slug="velos")
    with pytest.raises(IntegrityError), transaction.atomic():
        translate(velo, "Fietsen")  # a second Dutch version of the same term
    # The same label in two languages is fine (many Dutch terms keep the French word).
    horeca = Sector.objects.create(name="Horeca", slug="horeca")
    assert translate(horeca, "Horeca").name == "Horeca"


def translate_page_with_localize(page):
    """The way wagtail-localize creates a translated page (see passerelles.demo_translations)."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.create(source=source, target_locale=dutch()).save_target(publish=False)
    target = page.get_translation(dutch())
    target.get_latest_revision().publish()
    target.refresh_from_db()
    return target


def test_translated_pages_keep_the_french_tags_and_structure_type(client, home):
    """wagtail-localize synchronises tags and the structure type: never swapped for translations."""
    velo = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    translate(velo, "Fietsherstel")
    cisp = structure_type("cisp", "CISP")
    translate(cisp, "Inschakelingscentrum")
    home.copy_for_translation(dutch()).save_revision().publish()
    directory = DirectoryPageFactory(parent=home)
    organisation = OrganisationPageFactory(parent=directory, structure_type=cisp, tags={"sectors": [velo]})
    translate_page_with_localize(directory)
    dutch_page = translate_page_with_localize(organisation)
    assert dutch_page.structure_type_id == cisp.pk
    assert [item.tag_id for item in dutch_page.sector_items.all()] == [velo.pk]
    html = client.get(dutch_page.url).content.decode()
    assert '<p class="card__kicker">Inschakelingscentrum</p>' in html
    assert '?secteur=reparation-velos">Fietsherstel</a>' in html


@pytest.fixture
def directory_in_two_languages(home):
    directory = DirectoryPageFactory(parent=home)
    cisp, ei = structure_type("cisp", "CISP"), structure_type("ei", "EI")
    translate(cisp, "Inschakelingscentrum (CISP)")
    translate(zone("namur"), "Namen")
    velo = sector("reparation-velos", "Réparation vélos")
    translate(velo, "Fietsherstel")
    visite = meetup_format()
    translate(visite, "Bezoek ter plaatse")
    for index in range(3):
        organisation = OrganisationPageFactory(
            parent=directory, structure_type=cisp if index else ei, tags={"sectors": [velo]}
        )
        PersonFactory(organisation=organisation, sectors=[velo], formats=[visite])
    home.copy_for_translation(dutch()).save_revision().publish()
    nl_directory = publish_translation(directory, "gids", "Gids")
    return directory, nl_directory


def test_directory_facets_in_dutch(client, directory_in_two_languages):
    directory, nl_directory = directory_in_two_languages
    french = client.get(directory.url).content.decode()
    html = client.get(nl_directory.url).content.decode()
    assert facet_labels(html, "structure") == {
        "cisp": ("Inschakelingscentrum (CISP)", 2),
        "ei": ("EI", 1),
    }
    assert facet_labels(html, "zone") == {"namur": ("Namen", 3)}
    assert facet_labels(html, "secteur") == {"reparation-velos": ("Fietsherstel", 3)}
    assert checkboxes(html) == checkboxes(french)
    assert facet_labels(french, "structure") == {"cisp": ("CISP", 2), "ei": ("EI", 1)}

    people = client.get(nl_directory.url + "compagnons/", {"format": "visite-sur-site"}).content.decode()
    assert facet_labels(people, "format") == {"visite-sur-site": ("Bezoek ter plaatse", 3)}
    assert '<li class="tag tag--format">Bezoek ter plaatse</li>' in people

    geojson = json.loads(client.get(nl_directory.url + "carte/geojson/").content)
    assert {feature["properties"]["zone"] for feature in geojson["features"]} == {"Namen"}


def test_dutch_directory_query_budget_is_fixed(client, directory_in_two_languages):
    directory, nl_directory = directory_in_two_languages
    cisp = StructureType.objects.canonical().get(slug="cisp")

    def grow(count):
        while OrganisationPage.objects.filter(locale=Locale.get_default()).count() < count:
            OrganisationPageFactory(parent=directory, structure_type=cisp)

    assert_fixed_query_budget(client, nl_directory.url + "?structure=cisp", grow, budget=30)


def test_translator_translates_a_sector_in_the_admin_with_a_po_file(admin_client_logged, knowledge):
    """Submit for translation, export the PO file, import it filled in, publish: Dutch visitors see it."""
    numerique = knowledge["numerique"]
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["vocabularies", "sector", numerique.pk]
    )
    assert admin_client_logged.get(submit).status_code == 200
    response = admin_client_logged.post(submit, {"locales": [dutch().pk]})
    assert response.status_code == 302
    translated = Sector.objects.get(translation_key=numerique.translation_key, locale=dutch())
    assert translated.slug == "numerique"
    translation = Translation.objects.get(source__object_id=numerique.translation_key, target_locale=dutch())

    po = polib.pofile(
        admin_client_logged.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    assert {entry.msgid for entry in po} == {"Numérique"}  # the slug is synchronised, not translated
    po[0].msgstr = "Digitaal"
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = admin_client_logged.post(
        upload, {"file": SimpleUploadedFile("numerique-nl.po", str(po).encode()), "next": "/admin/"}
    )
    assert response.status_code == 302
    edit = reverse("wagtailsnippets_vocabularies_sector:edit", args=[translated.pk])
    assert admin_client_logged.post(edit, {"action": "publish"}).status_code == 302

    translated.refresh_from_db()
    assert (translated.name, translated.slug) == ("Digitaal", "numerique")
    assert facet_labels(admin_client_logged.get(knowledge["nl"]).content.decode(), "secteur")[
        "numerique"
    ] == (
        "Digitaal",
        1,
    )
    assert facet_labels(admin_client_logged.get(knowledge["fr"]).content.decode(), "secteur")[
        "numerique"
    ] == (
        "Numérique",
        1,
    )


def test_snippet_listing_offers_to_translate_an_untranslated_term(admin_client_logged, knowledge):
    html = admin_client_logged.get(reverse("wagtailsnippets_vocabularies_sector:list")).content.decode()
    assert "Réparation vélos" in html

    def submit(term):
        return reverse(
            "wagtail_localize:submit_snippet_translation", args=["vocabularies", "sector", term.pk]
        )

    assert submit(knowledge["numerique"]) in html
    assert submit(knowledge["velo"]) not in html  # already in Dutch, the only other language


def test_every_demo_term_has_dutch_and_english_labels():
    fixtures = settings.BASE_DIR / "fixtures"
    terms = json.loads((fixtures / "taxonomy.json").read_text(encoding="utf-8"))  # formats included
    translations = json.loads((fixtures / "taxonomy_translations.json").read_text(encoding="utf-8"))
    for language in ("nl", "en"):
        for vocabulary, entries in terms.items():
            labels = translations[language][vocabulary]
            assert set(labels) == {entry["slug"] for entry in entries}, (language, vocabulary)
            assert all(label["name"].strip() for label in labels.values())
            names = [label["name"] for label in labels.values()]
            assert len(names) == len(set(names)), (language, vocabulary)


def test_demo_taxonomy_loads_translations_idempotently(db):
    from passerelles.demo_loading import DemoLoader
    from passerelles.vocabularies import demo as demo_taxonomy

    loader = DemoLoader()
    demo_taxonomy.load(loader)
    counts = {model: model.objects.count() for model in demo_taxonomy.MODELS.values()}
    demo_taxonomy.load(loader)
    assert {model: model.objects.count() for model in demo_taxonomy.MODELS.values()} == counts
    assert counts[Zone] == 24  # six provinces and regions, in French, Dutch, German and English
    liege = Zone.objects.canonical().get(slug="liege")
    dutch_liege = liege.get_translation(dutch())
    assert dutch_liege.name == "Luik"
    assert (dutch_liege.latitude, dutch_liege.slug) == (liege.latitude, "liege")


@pytest.mark.parametrize(
    "snippet, data, field, message",
    [
        (
            "vocabularies_sector",
            {"name": "Vélos", "slug": "reparation-velos", "description": "", "sort_order": "0"},
            "slug",
            "Un autre terme de cette langue porte déjà cet identifiant.",
        ),
        (
            "vocabularies_sector",
            {"name": "Réparation vélos", "slug": "velos", "description": "", "sort_order": "0"},
            "name",
            "Un autre terme de cette langue porte déjà ce nom.",
        ),
        (
            "vocabularies_meetupformat",
            {"name": "Appel", "slug": "visite", "sort_order": "0"},
            "slug",
            "Un autre terme de cette langue porte déjà cet identifiant.",
        ),
    ],
)
def test_admin_refuses_a_term_that_repeats_one_of_its_language(
    admin_client_logged, snippet, data, field, message
):
    Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    meetup_format("visite", "Visite sur site")
    model = {"vocabularies_sector": Sector, "vocabularies_meetupformat": MeetupFormat}[snippet]
    before = model.objects.count()
    response = admin_client_logged.post(reverse(f"wagtailsnippets_{snippet}:add"), data)
    assert response.status_code == 200  # the form again, not a server error
    assert response.context["form"].errors[field] == [message]
    assert message in unescape(response.content.decode())
    assert model.objects.count() == before


def test_admin_refuses_a_dutch_name_already_given_to_another_dutch_term(admin_client_logged):
    velo = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    horeca = Sector.objects.create(name="Horeca", slug="horeca")
    translate(velo, "Fietsherstel")
    horeca_nl = translate(horeca, "Horeca")
    edit = reverse("wagtailsnippets_vocabularies_sector:edit", args=[horeca_nl.pk])
    response = admin_client_logged.post(
        edit, {"name": "Fietsherstel", "slug": "horeca", "description": "", "sort_order": "0"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["Un autre terme de cette langue porte déjà ce nom."]
    horeca_nl.refresh_from_db()
    assert horeca_nl.name == "Horeca"
