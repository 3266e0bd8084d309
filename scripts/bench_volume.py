"""Fast bulk growth of the demo with the project's own page models (used by bench_pages.py).

Creating 13,000 Wagtail pages one `add_child` at a time takes most of an hour; cloning the demo's
own pages row by row in bulk takes seconds. Each clone copies every column of a demo page of the
same type (so it renders like one), gets its own tree path, slug, title, translation key and
tags, and is inserted with one INSERT per table of the model's inheritance chain (Page, then
e.g. KnowledgeItemPage, then FicheActionPage). Search documents are not built: the search
benchmark (bench_search.py) measures search on its own.
"""

import datetime
import random
import uuid

BATCH = 400


def _tag_through_models(model):
    """(field name, through model) of the page's ClusterTaggableManager fields."""
    from modelcluster.contrib.taggit import ClusterTaggableManager

    return [
        (field.name, field.through)
        for field in model._meta.get_fields()
        if isinstance(field, ClusterTaggableManager)
    ]


def _mti_chain(model):
    """The concrete models from Page down to `model`, in insertion order."""
    from wagtail.models import Page

    chain = [klass for klass in reversed(model._meta.get_parent_list()) if not klass._meta.abstract]
    chain.append(model)
    return [klass for klass in chain if klass is not Page]


def clone_pages(template, parent, count, rng, mutate=None):
    """`count` live copies of the specific page `template` under `parent`, in bulk. Returns their ids."""
    from django.utils import timezone
    from wagtail.models import Page

    model = type(template)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    chain = _mti_chain(model)
    tags = {}
    for name, through in _tag_through_models(model):
        tag_model = through.tag.field.related_model
        tags[name] = (through, list(tag_model.objects.all()))
    created = []
    for batch_start in range(0, count, BATCH):
        pages, specifics = [], []
        for n in range(batch_start, min(count, batch_start + BATCH)):
            step += 1
            clone = model()
            for field in model._meta.concrete_fields:
                setattr(clone, field.attname, getattr(template, field.attname))
            clone.pk = clone.id = None
            clone.path = Page._get_path(parent.path, parent.depth + 1, step)
            clone.depth = parent.depth + 1
            clone.numchild = 0
            clone.slug = f"{template.slug[:40]}-bench-{step}"
            clone.url_path = f"{parent.url_path}{clone.slug}/"
            clone.title = clone.draft_title = f"{template.title[:180]} {step}"
            clone.translation_key = uuid.uuid4()
            clone.live = True
            clone.has_unpublished_changes = False
            clone.latest_revision_id = clone.live_revision_id = None
            clone.first_published_at = clone.last_published_at = now - datetime.timedelta(
                days=rng.randrange(1000)
            )
            if mutate:
                mutate(clone, n, rng)
            page = Page(**{f.attname: getattr(clone, f.attname) for f in page_fields})
            pages.append(page)
            specifics.append(clone)
        Page.objects.bulk_create(pages)
        for page, clone in zip(pages, specifics, strict=True):
            for klass in [Page, *chain]:
                setattr(clone, klass._meta.pk.attname, page.pk)
        for klass in chain:
            klass._base_manager._insert(specifics, fields=klass._meta.local_concrete_fields)
        for _name, (through, vocabulary) in tags.items():
            if vocabulary:
                through.objects.bulk_create(
                    [
                        through(content_object_id=clone.pk, tag=tag)
                        for clone in specifics
                        for tag in rng.sample(vocabulary, min(len(vocabulary), rng.choice([1, 2])))
                    ]
                )
        created.extend(clone.pk for clone in specifics)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    parent.numchild += count
    return created


def _mutate_event(clone, n, rng):
    """Events spread over two years back and one ahead; one in ten repeats weekly or monthly."""
    from django.utils import timezone

    start = timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=rng.randrange(-730, 365), hours=rng.randrange(-6, 6)
    )
    clone.start, clone.end = start, start + datetime.timedelta(hours=rng.choice([2, 3, 8]))
    clone.all_day = False
    clone.registration_mode = "none"
    clone.recurrence = clone.recurrence_until = clone.recurrence_count = None
    clone.recurrence = ""
    clone.recurrence_interval = 1
    if n % 10 == 0:
        clone.recurrence = rng.choice(["WEEKLY", "MONTHLY"])
        if n % 20 == 0:
            clone.recurrence_until = (start + datetime.timedelta(days=rng.randrange(30, 500))).date()


def _mutate_organisation(clone, n, rng):
    from decimal import Decimal

    clone.latitude = Decimal(f"{rng.uniform(49.6, 51.4):.6f}")
    clone.longitude = Decimal(f"{rng.uniform(2.6, 6.3):.6f}")


def grow(items, rng=None, stdout=print):
    """Adds `items` fiches and practices (half each), items/10 structures and items/5 events
    (the issue's volume: 10,000 fiches and practices, 1,000 structures, 2,000 events)."""
    from wagtail.models import Locale

    from knowledge.models import BonnePratiquePage, FicheActionPage, KnowledgeIndexPage
    from network.events.models import CalendarPage, EventPage
    from network.models import DirectoryPage, OrganisationPage

    rng = rng or random.Random(19)
    french = Locale.objects.get(language_code="fr")

    def first(model):
        return model.objects.live().filter(locale=french).order_by("pk").first()

    structures = max(1, items // 10)
    events = max(1, items // 5)
    knowledge = max(2, items)
    plan = [
        (first(FicheActionPage), first(KnowledgeIndexPage), knowledge // 2, None),
        (first(BonnePratiquePage), first(KnowledgeIndexPage), knowledge - knowledge // 2, None),
        (first(OrganisationPage), first(DirectoryPage), structures, _mutate_organisation),
        (first(EventPage), first(CalendarPage), events, _mutate_event),
    ]
    for template, parent, count, mutate in plan:
        clone_pages(template, parent, count, rng, mutate)
        stdout(f"  + {count} {type(template)._meta.verbose_name_plural}")
