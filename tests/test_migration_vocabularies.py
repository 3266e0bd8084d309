"""Moving the vocabularies into their own app loses nothing: a copy of the demo database as it was
before the move (tests/data/demo-before-vocabularies.*, made with `load_demo` at commit 538fac9,
one dump per database engine) is migrated, and every page, revision, translation, tag, term and
permission is still there and still reachable through the models.

The copy is restored into a scratch database next to the test database, migrated by a separate
`manage.py migrate` process, then read back by another process with the current models.
"""

import json
import lzma
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.conf import settings
from django.db import connection

DATA = settings.BASE_DIR / "tests" / "data"

# Tag rows by table, and the terms, as raw SQL sees them in the copy before migrating.
TAG_TABLES = [
    "knowledge_knowledgesector",
    "knowledge_knowledgepublic",
    "knowledge_knowledgetheme",
    "knowledge_knowledgestructuretype",
    "knowledge_knowledgezone",
    "network_organisationsector",
    "network_organisationpublic",
    "network_personsector",
    "network_person_formats",
    "events_eventsector",
    "events_eventpublic",
    "events_eventzone",
    "offers_offersector",
    "offers_offerpublic",
    "offers_offerzone",
    "livreblanc_recommendationtheme",
    "search_documentsector",
]
TERM_TABLES = {
    "sector": "knowledge_sector",
    "public": "knowledge_public",
    "theme": "knowledge_theme",
    "structuretype": "knowledge_structuretype",
    "zone": "knowledge_zone",
    "meetupformat": "network_meetupformat",
}
MOVED = list(TERM_TABLES)

BEFORE_QUERIES = {
    "pages": "SELECT count(*) FROM wagtailcore_page",
    "revisions": "SELECT count(*) FROM wagtailcore_revision",
    "translations": "SELECT count(*) FROM wagtail_localize_translation",
    "translation_sources": "SELECT count(*) FROM wagtail_localize_translationsource",
    **{f"rows:{table}": f"SELECT count(*) FROM {table}" for table in TAG_TABLES},
    **{f"terms:{model}": f"SELECT count(*) FROM {table}" for model, table in TERM_TABLES.items()},
    "term_permissions_of_groups": (
        "SELECT count(*) FROM auth_group_permissions gp JOIN auth_permission p ON p.id = gp.permission_id "
        "JOIN django_content_type ct ON ct.id = p.content_type_id WHERE ct.model IN ({})".format(
            ", ".join(f"'{model}'" for model in MOVED)
        )
    ),
    "fiche_sectors": (
        "SELECT p.slug, s.slug FROM knowledge_knowledgesector ks "
        "JOIN wagtailcore_page p ON p.id = ks.content_object_id JOIN knowledge_sector s ON s.id = ks.tag_id "
        "ORDER BY p.slug, s.slug"
    ),
}

# Run in the migrated copy by a separate process, with today's models.
AFTER_SCRIPT = """
import json
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation, TranslationSource
from knowledge.models import FicheActionPage, KnowledgeSector
from passerelles.vocabularies.models import MeetupFormat, Public, Sector, StructureType, Theme, Zone

TAGS = %(tags)r
stats = {
    "pages": Page.objects.count(),
    "revisions": Revision.objects.count(),
    "translations": Translation.objects.count(),
    "translation_sources": TranslationSource.objects.count(),
}
for model in apps.get_models():
    if model._meta.db_table in TAGS:
        stats["rows:" + model._meta.db_table] = model.objects.count()
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        if through._meta.db_table in TAGS:
            stats["rows:" + through._meta.db_table] = through.objects.count()
for model in (Sector, Public, Theme, StructureType, Zone, MeetupFormat):
    stats["terms:" + model._meta.model_name] = model.objects.count()
moved = ContentType.objects.filter(model__in=%(moved)r)
stats["content_type_apps"] = sorted(set(moved.values_list("app_label", flat=True)))
stats["term_permissions_of_groups"] = Group.permissions.through.objects.filter(
    permission__content_type__in=moved
).count()
stats["administrators_may_edit_sectors"] = Group.objects.get(name="Administrateurs").permissions.filter(
    content_type__app_label="vocabularies", codename="change_sector"
).exists()
stats["fiche_sectors"] = sorted(
    [row.content_object.slug, row.tag.slug] for row in KnowledgeSector.objects.select_related("content_object", "tag")
)
fiche = FicheActionPage.objects.live().filter(sectors__isnull=False).first()
stats["revision_keeps_tags"] = sorted(t.slug for t in fiche.get_latest_revision_as_object().sectors.all()) == sorted(
    t.slug for t in fiche.sectors.all()
)
stats["translated_pages_reachable"] = all(
    translation.get_target_instance().live for translation in Translation.objects.all()
)
print("STATS=" + json.dumps(stats))
"""


def run_manage(database_url, *args):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "passerelles.settings.test",
    }
    completed = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return completed.stdout


def migrated_stats(database_url):
    run_manage(database_url, "migrate", "--noinput")
    script = AFTER_SCRIPT % {"tags": TAG_TABLES, "moved": MOVED}
    output = run_manage(database_url, "shell", "-c", script)
    return json.loads(output.split("STATS=", 1)[1])


def expected_from(cursor):
    stats = {}
    for key, sql in BEFORE_QUERIES.items():
        cursor.execute(sql)
        rows = cursor.fetchall()
        stats[key] = [list(row) for row in rows] if key == "fiche_sectors" else rows[0][0]
    return stats


def assert_nothing_lost(before, after):
    assert before["pages"] > 100 and before["rows:knowledge_knowledgesector"] > 20  # a real demo copy
    for key, value in before.items():
        assert after[key] == value, key
    assert after["content_type_apps"] == ["vocabularies"]
    assert after["administrators_may_edit_sectors"]
    assert after["revision_keeps_tags"]
    assert after["translated_pages_reachable"]


@pytest.fixture
def demo_copy(tmp_path):
    """(database URL, what raw SQL sees in it) of a restored copy, on the engine of this run."""
    if connection.vendor == "sqlite":
        yield from sqlite_copy(tmp_path)
    else:
        yield from postgresql_copy()


def sqlite_copy(tmp_path):
    path = tmp_path / "demo-before.sqlite3"
    with lzma.open(DATA / "demo-before-vocabularies.sqlite3.xz") as packed, open(path, "wb") as copy:
        shutil.copyfileobj(packed, copy)
    database = sqlite3.connect(path)
    before = expected_from(database.cursor())
    database.close()
    yield f"sqlite:///{path}", before


def postgresql_copy():
    params = connection.settings_dict
    name = f"passerelles_migration_{uuid.uuid4().hex[:8]}"
    admin = {
        "host": params["HOST"],
        "port": params["PORT"],
        "user": params["USER"],
        "password": params["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        restore = subprocess.run(
            [
                "psql",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                params["HOST"],
                "-p",
                str(params["PORT"]),
                "-U",
                params["USER"],
                "-d",
                name,
            ],
            input=lzma.open(DATA / "demo-before-vocabularies.postgresql.sql.xz").read(),
            env={**os.environ, "PGPASSWORD": params["PASSWORD"]},
            capture_output=True,
            timeout=300,
        )
        assert restore.returncode == 0, restore.stderr.decode()[-2000:]
        url = f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST']}:{params['PORT']}/{name}"
        with psycopg.connect(dbname=name, **admin) as database:
            before = expected_from(database.cursor())
        yield url, before
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_migrating_a_copy_of_the_demo_database_keeps_everything(demo_copy):
    url, before = demo_copy
    assert_nothing_lost(before, migrated_stats(url))
