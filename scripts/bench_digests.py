"""Digests benchmark (not a test): builds then sends 10,000 digests, and prints the time and the
number of queries of each stage.

    .venv/bin/python scripts/bench_digests.py                 # SQLite in .bench/digests.sqlite3
    DATABASE_URL=postgres://… .venv/bin/python scripts/bench_digests.py --env-database

One knowledge listing with 300 fiches published since yesterday, 10,000 confirmed subscriptions
with five kinds of filters in three languages. Building is a fixed number of queries (tested in
tests/test_alerts.py); sending writes each digest, its outbox mail and its queued delivery in
one transaction. The mails are stored in the outbox, not delivered (that is the worker's job).
"""

import argparse
import logging
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(env_database):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passerelles.settings.dev")
    if not env_database:
        (ROOT / ".bench").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / '.bench' / 'digests.sqlite3'}"
    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # no line per page created
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def content(fiches, subscribers):
    # Imported once Django is set up (the script configures it first).
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from alerts.models import Frequency, Kind, SentDigest, Subscription
    from knowledge.models import KnowledgeIndexPage
    from passerelles.outbox.models import OutgoingMail
    from passerelles.vocabularies.models import Sector
    from tests.factories_knowledge import FicheActionPageFactory

    for language in ("fr", "nl", "en"):
        Locale.objects.get_or_create(language_code=language)
    index = KnowledgeIndexPage.objects.filter(slug="bench-digests").first()
    if index is None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            home = Page.get_first_root_node().add_child(instance=Page(title="Accueil", slug="accueil"))
            site = Site.objects.create(hostname="localhost", port=8000, root_page=home, is_default_site=True)
        parent = site.root_page
        index = parent.add_child(
            instance=KnowledgeIndexPage(title="Fiches (banc d’essai)", slug="bench-digests")
        )
    sectors = [
        Sector.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [
            ("numerique", "Numérique"),
            ("deee", "DEEE"),
            ("batiment", "Bâtiment"),
            ("horeca", "HoReCa"),
        ]
    ]
    have = index.get_children().count()
    for n in range(have, fiches):
        fiche = FicheActionPageFactory(parent=index, title=f"Fiche du banc d’essai {n}")
        fiche.sectors.add(sectors[n % len(sectors)])
        fiche.save()
    now = timezone.now()
    index.get_children().update(last_published_at=now - timedelta(hours=1))
    SentDigest.objects.all().delete()
    Subscription.objects.all().delete()
    OutgoingMail.objects.all().delete()
    queries = ["", "secteur=numerique", "secteur=deee", "secteur=batiment&secteur=horeca", "type=fiche"]
    since = now - timedelta(days=1)
    Subscription.objects.bulk_create(
        (
            Subscription(
                email=f"abonne{n}@example.org",
                kind=Kind.LISTING,
                page=index,
                query=queries[n % len(queries)],
                language=["fr", "nl", "en"][n % 3],
                frequency=Frequency.IMMEDIATE,
                confirmed_at=since,
                last_digest_at=since,
            )
            for n in range(subscribers)
        ),
        batch_size=1000,
    )


def measure():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from alerts import digests

    now = timezone.now()
    connection.queries_log.clear()  # the set-up filled the debug log: count from an empty one
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        built = digests.build_digests(now)
    build_seconds = time.perf_counter() - started
    print(f"construction : {len(built)} lettres, {len(queries)} requêtes, {build_seconds:.2f} s")
    started = time.perf_counter()
    sent = 0
    for digest in built:
        sent += digests.send(digest, now)
        if sent % 1000 == 0:
            elapsed = time.perf_counter() - started
            print(f"  {sent} lettres en {elapsed:.1f} s ({sent / elapsed:.0f} lettres/s)", flush=True)
    send_seconds = time.perf_counter() - started
    print(
        f"envoi vers la file : {sent} lettres en {send_seconds:.1f} s ({sent / send_seconds:.0f} lettres/s)"
    )
    print(f"total : {build_seconds + send_seconds:.1f} s pour {sent} lettres")
    print(f"second passage : {digests.send_pending()} lettre (aucune ne part deux fois)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--fiches", type=int, default=300)
    parser.add_argument("--env-database", action="store_true", help="use DATABASE_URL as it is")
    options = parser.parse_args()
    setup(options.env_database)
    content(options.fiches, options.subscribers)
    measure()


if __name__ == "__main__":
    main()
