"""Query budgets at two volumes of content, the content grown once per test module.

A module's fixture measures every URL of the module on the demo, then grows the content once in a
savepoint; each test then measures its own URL on the grown content and compares. The savepoint sits
between the session's demo transaction (tests/conftest.py) and each test's own savepoint, and is
rolled back when the module ends: the next module finds the demo unchanged.
"""

import contextlib

from django.core.cache import cache
from django.db import transaction
from django.test import Client

from tests.helpers import count_queries


def queries_to_build(client, url):
    """The queries `url` costs with empty caches in a warm process."""
    cache.clear()
    client.get(url)  # per-process caches and the site frame's fragments, as on a live site
    response, queries = count_queries(client, url)
    assert response.status_code == 200, (url, response.content[:300])
    return queries


def count_fiches():
    from knowledge.models import FicheActionPage  # the models are not ready when tests are collected

    return FicheActionPage.objects.count()


def forget_cached_rows():
    """As the `_fresh_caches` fixture (tests/conftest.py), which runs only around each test: no row
    of a rolled-back test or module is remembered."""
    from passerelles.vocabularies.canonical import forget_terms

    cache.clear()
    forget_terms()


class TwoVolumes:
    """The queries each URL costs on the demo, and the same measure on the grown content."""

    def __init__(self, on_the_demo, fiches_on_the_demo):
        self.on_the_demo = on_the_demo
        self.fiches_on_the_demo = fiches_on_the_demo

    def on_grown_content(self, client, url):
        # A grown content rolled back too early (by a test's savepoint, say) would compare the demo
        # with itself and always pass.
        fiches = count_fiches()
        assert fiches > self.fiches_on_the_demo, f"{fiches} fiches, as many as on the demo: nothing was grown"
        return queries_to_build(client, url)


@contextlib.contextmanager
def grown_once(django_db_blocker, urls, grow):
    """Measures the URLs `urls()` gives on the demo, then calls `grow()` (which must add fiches) in
    a savepoint rolled back when the block ends; yields the TwoVolumes."""
    with django_db_blocker.unblock():
        # Before anything reads the demo: a module fixture runs before `_fresh_caches`, and a page's
        # URL read from a stale cache of site root paths may be None.
        forget_cached_rows()
        client = Client()
        on_the_demo = {url: queries_to_build(client, url) for url in urls()}
        fiches_on_the_demo = count_fiches()
        grown = transaction.atomic()
        grown.__enter__()
    try:
        with django_db_blocker.unblock():
            grow()
        yield TwoVolumes(on_the_demo, fiches_on_the_demo)
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            grown.__exit__(None, None, None)
            forget_cached_rows()
