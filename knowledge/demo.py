"""Demo fiches actions and bonnes pratiques from fixtures/knowledge.json, under the knowledge index.

Tags are matched by their stable slug (loaded before by knowledge.demo_taxonomy). Publication dates
come from the fixture so the "most recent" order and the feed look like a living site.
"""

import datetime

from django.utils import timezone

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
    for entry in loader.step("fiches actions", data["fiches"]):
        fields = {name: entry.get(name, "") for name in FICHE_SECTIONS}
        fields["steps"] = stream([{"type": "step", "value": step} for step in entry["steps"]])
        fields["indicators"] = stream(
            [{"type": "indicator", "value": v} for v in entry.get("indicators", [])]
        )
        upsert_item(loader, index, FicheActionPage, entry, fields, tag_models)
    for entry in loader.step("bonnes pratiques", data["pratiques"]):
        fields = {name: entry.get(name, "") for name in PRATIQUE_SECTIONS}
        fields["testimonials"] = stream(
            [{"type": "testimonial", "value": v} for v in entry.get("testimonials", [])]
        )
        upsert_item(loader, index, BonnePratiquePage, entry, fields, tag_models)


def upsert_item(loader, index, model, entry, fields, tag_models):
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
        contacts=stream([{"type": "contact", "value": v} for v in entry.get("contacts", [])]),
        **fields,
    )
    # Tags live on the page cluster: set them, then publish a revision that carries them.
    for name, slugs in entry["tags"].items():
        getattr(page, name).set(list(tag_models[name].objects.canonical().filter(slug__in=slugs)))
    page.save_revision().publish()
    return page
