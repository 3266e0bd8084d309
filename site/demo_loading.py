"""Shared tools for the demo content loaders: fixtures, progress, idempotent page upserts.

Every app has a `demo.py` with `load(loader)`; `manage.py load_demo` runs them in the order of
settings.DEMO_LOADERS. Running it twice changes nothing: pages are found again by their slug.
"""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
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
        """Creates or updates the child page `slug` of `parent`, then publishes it.

        `tags` maps a tag field of the page to its terms, set before the one published revision."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        created = page is None
        if created:
            page = model(slug=slug, locale=parent.locale)
        for name, value in fields.items():
            setattr(page, name, value)
        for name, terms in (tags or {}).items():
            getattr(page, name).set(list(terms))
        if created:
            parent.add_child(instance=page)
        else:
            page.save()
        page.save_revision().publish()
        return page

    def page_by_slug(self, slug, model=Page):
        return model.objects.filter(slug=slug, locale=self.locale).first()


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
