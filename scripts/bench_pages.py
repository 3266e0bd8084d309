"""Public pages benchmark (not a test): queries and median time per page type at two volumes, then
pages per second under concurrency 8 against a static file served by the same gunicorn.

    .venv/bin/python scripts/bench_pages.py            # or: make bench (then the search benchmark)
    .venv/bin/python scripts/bench_pages.py --rebuild  # rebuilds the databases in .bench/

The demo is loaded once into .bench/demo.sqlite3 (never db.sqlite3), copied, and grown by 10 and
10,000 fiches and practices (with a tenth as many structures and a fifth as many events, cloned
in bulk from the demo's own pages: scripts/bench_volume.py). Each volume is measured in its own
process with the Django test client: first without the page cache (what a page costs when it is
built: the site-wide fragments such as settings and navigation are warm, as on a live site), then
served from the page cache (anonymous visitor, second request). The concurrency stage runs
gunicorn with the production settings on the large database.
"""

import argparse
import importlib.util
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
DEMO = WORK / "demo.sqlite3"
SIZES = [10, 10_000]
REPEAT = 7
ROUNDS = 3
CONCURRENCY = 8
LOAD_SECONDS = 6

# (label, page model, sub-path of a routable page). The first live French page of the model is used.
PAGE_TYPES = [
    ("accueil", "passerelles.HomePage", ""),
    ("accueil (nl)", "passerelles.HomePage@nl", ""),
    ("page standard", "passerelles.StandardPage", ""),
    ("savoirs : liste", "knowledge.KnowledgeIndexPage", ""),
    ("savoirs : liste filtrée", "knowledge.KnowledgeIndexPage", "?secteur=numerique"),
    ("savoirs : flux RSS", "knowledge.KnowledgeIndexPage", "flux/"),
    ("fiche action", "knowledge.FicheActionPage", ""),
    ("bonne pratique", "knowledge.BonnePratiquePage", ""),
    ("annuaire", "network.DirectoryPage", ""),
    ("annuaire : carte", "network.DirectoryPage", "carte/"),
    ("annuaire : GeoJSON", "network.DirectoryPage", "carte/geojson/"),
    ("compagnons", "network.DirectoryPage", "compagnons/"),
    ("structure", "network.OrganisationPage", ""),
    ("agenda", "events.AgendaPage", ""),
    ("agenda : mois", "events.AgendaPage", "mois/"),
    ("agenda : passés", "events.AgendaPage", "passes/"),
    ("agenda : iCal", "events.AgendaPage", "ical/"),
    ("calendrier", "events.CalendarPage", ""),
    ("événement", "events.EventPage", ""),
    ("événement : iCal", "events.EventPage", "ical/"),
    ("offres", "offers.OffersIndexPage", ""),
    ("offre", "offers.OfferPage", ""),
    ("livre blanc", "livreblanc.WhitePaperIndexPage", ""),
    ("édition", "livreblanc.EditionPage", ""),
    ("chapitre", "livreblanc.ChapterPage", ""),
    ("recommandation", "livreblanc.RecommendationPage", ""),
]
# Served by gunicorn under concurrency: the static file first, as the ceiling.
LOAD_PAGES = ["accueil", "savoirs : liste", "fiche action", "agenda", "structure", "agenda : iCal"]


def database_file(size):
    return WORK / f"pages-{size}.sqlite3"


def bench_env(database=None, settings="passerelles.settings.test"):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = settings
    if database:
        env["DATABASE_URL"] = f"sqlite:///{database}"
    return env


def manage(*arguments, database):
    subprocess.check_call([sys.executable, "manage.py", *arguments], cwd=ROOT, env=bench_env(database))


def migrations_missing(database):
    """Whether the code has migrations this database lacks (its demo predates them)."""
    command = [sys.executable, "manage.py", "migrate", "--check", "-v", "0"]
    return subprocess.call(command, cwd=ROOT, env=bench_env(database), stdout=subprocess.DEVNULL) != 0


def build(rebuild):
    WORK.mkdir(exist_ok=True)
    if DEMO.exists() and not rebuild and migrations_missing(DEMO):
        print("Démo construite avant les dernières migrations : reconstruction.", flush=True)
        rebuild = True
    if rebuild or not DEMO.exists():
        DEMO.unlink(missing_ok=True)
        print("Démo : migration et chargement (une fois)…", flush=True)
        manage("migrate", "--noinput", "-v", "0", database=DEMO)
        manage("load_demo", database=DEMO)
    for size in SIZES:
        target = database_file(size)
        if rebuild or not target.exists() or target.stat().st_mtime < DEMO.stat().st_mtime:
            shutil.copyfile(DEMO, target)
            print(f"Volume {size} : ajout des contenus…", flush=True)
            started = time.perf_counter()
            subprocess.check_call(
                [sys.executable, __file__, "--grow", str(size)], env=bench_env(target), cwd=ROOT
            )
            print(f"  construit en {time.perf_counter() - started:.0f} s", flush=True)


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def grow_here(size):
    setup_django()
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_volume import grow
    from django.db import transaction

    with transaction.atomic():
        grow(size)


def page_urls():
    """(label, url) of every public page type present in this database."""
    from django.apps import apps
    from wagtail.models import Locale

    urls = []
    for label, model_name, sub_path in PAGE_TYPES:
        model_name, _, language = model_name.partition("@")
        model = apps.get_model(model_name)
        locale = Locale.objects.filter(language_code=language or "fr").first()
        page = model.objects.live().filter(locale=locale).order_by("pk").first()
        if page is not None:
            urls.append((label, page.url + sub_path))
    return urls


def measure_here(size):
    """Prints one JSON line: {label: [url, queries, median ms, cached queries]}."""
    setup_django()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    has_page_cache = importlib.util.find_spec("passerelles.pagecache") is not None
    results = {}
    for label, url in page_urls():
        # Without the page cache: built every time (the setting does not exist before the cache).
        with override_settings(PASSERELLES_PAGE_CACHE=False):
            client.get(url)  # warms the per-process caches and the site-wide fragments
            timings, queries = [], 0
            for _ in range(REPEAT):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                queries = max(queries, len(captured))
                assert response.status_code == 200, (url, response.status_code)
        cached = None
        if has_page_cache:
            with override_settings(PASSERELLES_PAGE_CACHE=True):
                client.get(url)
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
            cached = len(captured)
        results[label] = [url, queries, statistics.median(timings), cached]
    cache.clear()
    print("RESULT " + json.dumps(results), flush=True)


def measure(size):
    output = subprocess.run(
        [sys.executable, __file__, "--measure", str(size)],
        env=bench_env(database_file(size)),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    for line in output.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    sys.stderr.write(output.stdout + output.stderr)
    raise SystemExit(f"La mesure du volume {size} a échoué.")


def measure_alternately():
    """Each volume measured ROUNDS times, alternating, keeping each page's lower median: a burst
    of another job on the machine then weighs on one passage, not on one volume's ratio."""
    best = {size: None for size in SIZES}
    for _round in range(ROUNDS):
        for size in SIZES:
            result = measure(size)
            if best[size] is None:
                best[size] = result
                continue
            for label, (url, queries, median, cached) in result.items():
                kept = best[size][label]
                best[size][label] = [url, max(queries, kept[1]), min(median, kept[2]), cached]
    return best[SIZES[0]], best[SIZES[1]]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hammer(url, seconds=LOAD_SECONDS, concurrency=CONCURRENCY):
    """Requests per second and p50 (ms) of `concurrency` clients requesting `url` for `seconds`."""
    stop = time.perf_counter() + seconds
    timings, errors = [], []

    def client():
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    response.read()
            except Exception as error:  # noqa: BLE001 - counted and reported, not raised
                errors.append(error)
                continue
            timings.append(time.perf_counter() - started)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    median = statistics.median(timings) * 1000 if timings else float("nan")
    return len(timings) / elapsed, median, len(errors)


def load_test(urls):
    database = database_file(SIZES[-1])
    static_root = WORK / "static"
    env = bench_env(database, "passerelles.settings.production")
    env.update(
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(static_root),
        CACHE_DIR=str(WORK / "cache"),
    )
    shutil.rmtree(WORK / "cache", ignore_errors=True)
    subprocess.check_call(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env
    )
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "passerelles.wsgi",
            "--workers",
            "3",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=5).read()
                break
            except OSError:
                time.sleep(0.3)
        targets = [("fichier statique", "/static/passerelles/img/favicon.svg")] + [
            (label, urls[label]) for label in LOAD_PAGES if label in urls
        ]
        print(f"\ngunicorn (3 workers, réglages de production), {CONCURRENCY} clients, {SIZES[-1]} contenus")
        print(f"{'page':<24} {'pages/s':>8} {'p50 (ms)':>9} {'% statique':>11} {'erreurs':>8}")
        ceiling = None
        for label, path in targets:
            for _ in range(2):  # warms the workers (and the page cache when there is one)
                urllib.request.urlopen(base + path, timeout=120).read()
            rate, p50, errors = hammer(base + path)
            ceiling = ceiling or rate
            print(
                f"{label:<24} {rate:>8.1f} {p50:>9.1f} {100 * rate / ceiling:>10.1f}% {errors:>8}", flush=True
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="rebuilds the demo and grown databases")
    parser.add_argument("--no-load", action="store_true", help="skips the gunicorn stage")
    parser.add_argument("--grow", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.grow is not None:
        return grow_here(options.grow)
    if options.measure is not None:
        return measure_here(options.measure)
    build(options.rebuild)
    small, large = measure_alternately()
    print(
        f"\nPages publiques, sans le cache de pages : requêtes SQL et temps médian sur {REPEAT} requêtes "
        f"(le meilleur de {ROUNDS} passages alternés)"
    )
    print(
        f"{'page':<24} {'SQL ' + str(SIZES[0]):>9} {'SQL ' + str(SIZES[1]):>10} "
        f"{'ms ' + str(SIZES[0]):>8} {'ms ' + str(SIZES[1]):>10} {'ratio':>6} {'en cache':>9}"
    )
    for label, (_url, queries, median, _cached) in small.items():
        _url_large, queries_large, median_large, cached = large.get(label, [None, None, float("nan"), None])
        cached_text = "-" if cached is None else f"{cached} SQL"
        print(
            f"{label:<24} {queries:>9} {queries_large:>10} {median:>8.1f} {median_large:>10.1f} "
            f"{median_large / median:>6.1f} {cached_text:>9}",
            flush=True,
        )
    if not options.no_load:
        load_test({label: url for label, (url, *_rest) in large.items()})


if __name__ == "__main__":
    main()
