"""Demo fiches actions and bonnes pratiques from fixtures/knowledge.json, under the knowledge index.

Tags are matched by their stable slug (loaded before by passerelles.vocabularies.demo). Publication dates
come from the fixture so the "most recent" order and the feed look like a living site.
"""

import datetime

from django.utils import timezone

from network.models import OrganisationPage, Person
from passerelles.demo_loading import stream

from .models import BonnePratiquePage, FicheActionPage, KnowledgeIndexPage
from .models.tagging import TAGGINGS

FICHE_SECTIONS = ["problem", "objectives", "public_description", "means", "partners", "lessons"]
PRATIQUE_SECTIONS = ["context", "practice", "impact", "transfer_conditions"]


def load(loader):
    data = loader.read_json("knowledge.json")
    index_data = data["index"]
    index = loader.upsert_page(
        loader.home,
        KnowledgeIndexPage,
        index_data["slug"],
        title=index_data["title"],
        introduction=index_data["introduction"],
        search_description=index_data["search_description"],
        show_in_menus=True,
    )
    tag_models = {name: tag_model for name, _through, tag_model in TAGGINGS}
    # Which structure owns which item (network.demo has loaded the structures before).
    owners = loader.read_json("ownership.json")["content"]
    organisations = {page.slug: page for page in OrganisationPage.objects.filter(locale=loader.locale)}
    owner_of = {slug: organisations[owner] for slug, owner in owners.items()}
    for entry in loader.step("fiches actions", data["fiches"]):
        fields = {name: entry.get(name, "") for name in FICHE_SECTIONS}
        fields["steps"] = stream([{"type": "step", "value": step} for step in entry["steps"]])
        fields["indicators"] = stream(
            [{"type": "indicator", "value": v} for v in entry.get("indicators", [])]
        )
        upsert_item(loader, index, FicheActionPage, entry, fields, tag_models, owner_of)
    for entry in loader.step("bonnes pratiques", data["pratiques"]):
        fields = {name: entry.get(name, "") for name in PRATIQUE_SECTIONS}
        fields["testimonials"] = stream(
            [{"type": "testimonial", "value": v} for v in entry.get("testimonials", [])]
        )
        page = upsert_item(loader, index, BonnePratiquePage, entry, fields, tag_models, owner_of)
        link_compagnons(page, entry.get("compagnons", []))


def link_compagnons(practice, names):
    """The demo compagnons who can show this practice ("Rencontrer une structure qui la pratique")."""
    for person in Person.objects.filter(name__in=names):
        if practice not in person.practices.all():
            person.practices.add(practice)
            person.save(update_fields=["practices"])  # modelcluster writes the links on save


def upsert_item(loader, index, model, entry, fields, tag_models, owner_of):
    published = timezone.make_aware(datetime.datetime.fromisoformat(entry["published"] + "T09:00:00"))
    page = loader.upsert_page(
        index,
        model,
        entry["slug"],
        title=entry["title"],
        summary=entry["summary"],
        search_description=entry["summary"],
        last_reviewed=datetime.date.fromisoformat(entry["last_reviewed"]),
        first_published_at=published,
        organisation=owner_of.get(entry["slug"]),
        contacts=stream([{"type": "contact", "value": v} for v in entry.get("contacts", [])]),
        tags={
            name: tag_models[name].objects.canonical().filter(slug__in=slugs)
            for name, slugs in entry["tags"].items()
        },
        **fields,
    )
    return page
