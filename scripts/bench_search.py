"""Search latency benchmark (not a test): p50/p95 of 100 queries over 1,000 then 10,000 documents.

Runs on whatever DATABASE_URL points to (SQLite by default), in a throwaway test database
created and destroyed by Django's test runner machinery, so real data is never touched:

    .venv/bin/python scripts/bench_search.py            # or: make bench
    DATABASE_URL=postgres://… .venv/bin/python scripts/bench_search.py
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passerelles.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

WORDS = (
    "réparation vélos atelier menuiserie bois déconstruction réemploi numérique ordinateurs "
    "stagiaires formation insertion accompagnement mobilité logement endettement garde enfants "
    "langue français CISP EFT AFT entreprise sociale CPAS Forem IFAPME Namur Liège Charleroi "
    "Bruxelles Mons Arlon compagnonnage visite immersion maraîchage nettoyage horeca cuisine "
    "jardin espaces verts chantier école validation compétences emploi jeunes NEET femmes"
).split()
QUERIES = 100


def sentence(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length))


def generate(count, start, rng):
    from search.indexing import analysed, index_documents
    from search.models import SearchDocument

    content_type = ContentType.objects.get_for_model(SearchDocument)
    pairs = []
    for n in range(start, start + count):
        title, body = sentence(rng, 6).capitalize(), sentence(rng, 120)
        pairs.append(
            (
                SearchDocument(
                    source_type=content_type,
                    source_id=f"bench-{n}",
                    doc_type="page",
                    locale="fr",
                    title=title,
                    body=body,
                    url=f"/bench/{n}/",
                    search_title=analysed(title, "fr"),
                    search_body=analysed(body, "fr"),
                ),
                {},
            )
        )
    index_documents(pairs)


def measure(client, rng):
    timings = []
    for _ in range(QUERIES):
        query = sentence(rng, rng.choice([1, 1, 2, 3]))
        started = time.perf_counter()
        response = client.get("/recherche/", {"q": query})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from passerelles.demo_loading import ensure_page_tree

        ensure_page_tree()
        rng = random.Random(7)
        client = Client()
        print(f"Recherche : {QUERIES} requêtes par palier, base {connection.vendor}")
        print(f"{'documents':>10} {'p50 (ms)':>10} {'p95 (ms)':>10}")
        existing = 0
        for size in (1_000, 10_000):
            generate(size - existing, existing, rng)
            existing = size
            p50, p95 = measure(client, rng)
            print(f"{size:>10} {p50:>10.1f} {p95:>10.1f}", flush=True)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
