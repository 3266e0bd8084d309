"""Shared tools for the demo content loaders: fixtures, progress, idempotent page upserts.

Every app has a `demo.py` with `load(loader)`; `manage.py load_demo` runs them in the order of
settings.DEMO_LOADERS. Running it twice changes nothing: pages are found again by their slug.
"""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from wagtail.fields import StreamField
from wagtail.models import Collection, Locale, Page

from .models import HomePage

# The demo accounts share one password (see the README).
DEMO_PASSWORD = "passerelles-demo"


class DemoLoader:
    def __init__(self, stdout=None, fixtures_dir=None):
        self.stdout = stdout
        self.fixtures_dir = Path(fixtures_dir or settings.BASE_DIR / "fixtures")
        self.locale = ensure_page_tree()

    def progress(self, message):
        if self.stdout is not None:
            self.stdout.write(message)
            self.stdout.flush()

    def read_json(self, name):
        with open(self.fixtures_dir / name, encoding="utf-8") as handle:
            return json.load(handle)

    def step(self, label, items):
        """Yields the items while printing `label 3/20` so long loads show their progress."""
        items = list(items)
        total = len(items)
        for number, item in enumerate(items, start=1):
            if self.stdout is not None:
                end = "\n" if number == total else "\r"
                self.stdout.write(f"  {label} {number}/{total}", ending=end)
                self.stdout.flush()
            yield item

    @property
    def home(self):
        return HomePage.objects.get(locale=self.locale)

    def upsert_page(self, parent, model, slug, tags=None, **fields):
        """Creates or updates the child page `slug` of `parent`, then publishes it; a published
        page that already says what the fixtures say is left as it is (no revision, no
        publication: a second load is quick, and its translations stay up to date).

        `tags` maps a tag field of the page to its terms, set before the one published revision."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is not None:
            update_and_publish(page, fields, tags)
            return page
        page = model(slug=slug, locale=parent.locale)
        set_fixture_fields(page, fields, tags or {})
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def page_by_slug(self, slug, model=Page):
        return model.objects.filter(slug=slug, locale=self.locale).first()


def update_and_publish(page, fields, tags=None):
    """Sets the fixtures' `fields` and `tags` on an existing page, then saves and publishes it,
    unless it is published and already said all that."""
    tags = tags or {}
    before = fixture_fields_of(page, fields, tags)
    set_fixture_fields(page, fields, tags)
    if page.live and not page.has_unpublished_changes and fixture_fields_of(page, fields, tags) == before:
        return
    page.save()
    page.save_revision().publish()


def set_fixture_fields(page, fields, tags):
    for name, value in fields.items():
        setattr(page, name, value)
    for name, terms in tags.items():
        getattr(page, name).set(list(terms))


def fixture_fields_of(page, fields, tags):
    """What the fixtures set on `page`, comparable before and after setting them: each field's
    database value, inline children included (StreamFields without their block ids, new at each
    load), the ids of each tag field's terms."""
    values = {}
    for name in fields:
        field = page._meta.get_field(name)
        if field.one_to_many and field.auto_created:  # inline children (ParentalKey)
            values[name] = [row_of(child, but=field.field) for child in getattr(page, name).all()]
        else:
            values[name] = value_of(field, page)
    for name in tags:
        values[name] = sorted(term.pk for term in getattr(page, name).all())
    return values


def row_of(instance, but):
    return {
        field.attname: value_of(field, instance)
        for field in instance._meta.concrete_fields
        if not field.primary_key and field != but
    }


def value_of(field, instance):
    value = field.value_from_object(instance)
    if isinstance(field, StreamField):
        return without_block_ids(field.stream_block.get_prep_value(value))
    return value


def without_block_ids(data):
    if isinstance(data, list):
        return [without_block_ids(item) for item in data]
    if isinstance(data, dict):
        is_block = "type" in data and "value" in data
        return {
            key: without_block_ids(value) for key, value in data.items() if not (is_block and key == "id")
        }
    return data


def ensure_page_tree():
    """The default locale, the root page and the root collection (documents and images live in
    it), which Wagtail's migrations create but a flushed database (transactional tests, `flush`)
    has lost. Returns the default locale."""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return locale


@cache
def demo_password_hash():
    """The demo accounts' password, hashed once (each hash costs ~0.3 s by design)."""
    return make_password(DEMO_PASSWORD)


def stream(blocks):
    """A StreamField value from fixture data: a list of {"type": ..., "value": ...}."""
    return json.dumps(blocks or [])
