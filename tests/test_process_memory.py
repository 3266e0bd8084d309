"""The page cache keeps what it read from the shared cache in the process's memory too: a hit
then reads no file. Never stale (the key carries the publication generation), never beyond the
entry's own expiry, and never more than its size in bytes."""

import time

import pytest
from django.core.cache import cache

from knowledge.models import FicheActionPage
from passerelles import process_memory
from passerelles.process_memory import ProcessMemory
from passerelles.publication import GENERATION_KEY


def test_the_least_recently_used_entries_go_first_when_full(settings):
    settings.PASSERELLES_PAGE_CACHE_MEMORY_BYTES = 100
    memory = ProcessMemory()
    later = time.time() + 60
    memory.set("a", "page a", 40, later)
    memory.set("b", "page b", 40, later)
    assert memory.get("a") == "page a"  # a is now the most recent
    memory.set("c", "page c", 40, later)
    assert memory.get("b") is None
    assert memory.get("a") == "page a" and memory.get("c") == "page c"
    memory.set("huge", "too big", 101, later)
    assert memory.get("huge") is None


def test_an_expired_entry_is_not_served():
    memory = ProcessMemory()
    memory.set("old", "page", 10, time.time() - 1)
    assert memory.get("old") is None
    memory.set("soon", "page", 10, time.time() + 0.05)
    assert memory.get("soon") == "page"
    time.sleep(0.06)
    assert memory.get("soon") is None


@pytest.mark.django_db
def test_a_hit_comes_from_memory_and_a_publication_is_seen_at_once(client, demo_content, settings):
    settings.PASSERELLES_PAGE_CACHE = True
    fiche = FicheActionPage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    assert client.get(fiche.url)["X-Page-Cache"] == "miss"
    # Even with the shared entry gone (but the generation kept), this process answers.
    current = cache.get(GENERATION_KEY)
    cache.clear()
    cache.set(GENERATION_KEY, current, timeout=None)
    assert client.get(fiche.url)["X-Page-Cache"] == "hit"

    fiche.title = "Un titre publié à l’instant"
    fiche.save_revision().publish()
    fresh = client.get(fiche.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Un titre publié à l’instant" in fresh.content.decode()
    process_memory.pages.clear()
