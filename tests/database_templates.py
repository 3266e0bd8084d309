"""The migrated, empty test database: built once, then copied into each test session's database.

Migrating ~285 migrations costs each pytest-xdist worker of each pytest session about 50 s. The
first worker to need the database migrates it as Django always does (`create_test_db`: migrate,
its post_migrate handlers, createcachetable), then keeps a copy of the result, its *template*:

- SQLite (in-memory test database): a file `.pytest-db/<key>.sqlite3`, written with sqlite3's
  backup API and read back into each worker's in-memory database the same way;
- PostgreSQL: a database `test_<NAME>_tpl_<key>` next to the test databases, and each worker's
  test database is created by `CREATE DATABASE ... TEMPLATE` it.

Everything else about the test databases is Django's own (`create_test_db` with only its migrate
replaced by the copy; flushes, teardown): the copy is the very database a migrate left.

The key is a hash of everything a migrate's result depends on: the installed apps, every file of
the project's apps (their migrations, the post_migrate handlers and what they call, settings),
every installed distribution's version, the database engine (and SQLite's version). Any change
builds a new template; the stale ones are removed. Workers build it one at a time (a file lock for
SQLite, an advisory lock on the server for PostgreSQL): the others wait, then copy it.

The demo content has a template of its own, built the same way by the first worker that needs
it (`fill_with_demo`: `load_demo`, committed, then kept) and copied by the others, instead of
loading the demo once per worker and per session (~40 s each). Its key adds the fixture files and
today's date (the demo's events and offers are dated from today). Once the tests on the demo are
done, the migrated template is copied back (`empty_again`): the committing tests start, as
before, from the migrated database.

`--create-db` rebuilds the templates (once per run: the other workers copy them); `--reuse-db` and
`--nomigrations` keep pytest-django's own behaviour (the demo is then loaded by each session).
"""

import contextlib
import fcntl
import hashlib
import importlib.metadata
import os
import sqlite3
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connections
from django.utils import timezone

POSTGRES_NAME_LIMIT = 63
MIGRATED, DEMO = "migrated", "demo"


class Use:
    """Whether this session's test databases come from templates (see `migrated_once`), and the
    run that asked for templates of its own (--create-db), if any."""

    active = False
    rebuild_for = None
    database_names = {}  # alias: the configured name (a test database's settings hold its own)
    # alias: the migrated template this session started from, copied back by `empty_again` (its
    # key, computed again later, would change with a file edited during the run).
    migrated = {}


def demo_key_parts():
    """What the demo adds to a migrated database's key: its fixtures, and the day it is loaded."""
    fixtures = Path(settings.BASE_DIR) / "fixtures"
    parts = [DEMO, timezone.localdate().isoformat()]
    for path in sorted(fixtures.rglob("*")):
        if path.is_file():
            parts += [path.relative_to(fixtures), hashlib.sha256(path.read_bytes()).hexdigest()]
    return parts


def template_key(connection, extra=()):
    """Hex digest of what the migrated database depends on (see the module docstring), and of
    `extra` for what a template adds to it."""
    digest = hashlib.sha256()

    def add(*parts):
        for part in parts:
            digest.update(str(part).encode())
            digest.update(b"\0")

    add(sys.version, connection.vendor, connection.settings_dict["ENGINE"])
    if connection.vendor == "sqlite":
        add(sqlite3.sqlite_version)
    add(*settings.INSTALLED_APPS)
    base = Path(settings.BASE_DIR).resolve()
    installed = Path(sys.prefix).resolve()  # the virtualenv may lie in the checkout
    # Installed distributions, not the project's own metadata in the checkout (found or not
    # depending on sys.path: pytest adds the checkout, `python -m` does not): its code is read below.
    distributions = {
        f"{dist.metadata['Name']}=={dist.version}"
        for dist in importlib.metadata.distributions()
        if not in_checkout(Path(getattr(dist, "_path", installed)).resolve(), base, installed)
    }
    add(*sorted(distributions))
    roots = set()
    for app_config in apps.get_app_configs():
        path = Path(app_config.path).resolve()
        if in_checkout(path, base, installed):
            roots.add(base / path.relative_to(base).parts[0])
    for root in sorted(roots):
        for path in sorted(root.rglob("*.py")):
            add(path.relative_to(base))
            digest.update(path.read_bytes())
    add(*extra)
    return digest.hexdigest()[:16]


def in_checkout(path, base, installed):
    return path.is_relative_to(base) and not path.is_relative_to(installed)


@contextlib.contextmanager
def file_lock(path):
    path.parent.mkdir(exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def create_test_db_from_template(creation, rebuild_for, verbosity, serialize, keepdb, **kwargs):
    """`create_test_db` of Django, its migrate replaced by a copy of the template (built first if
    need be, by a normal `create_test_db`). `rebuild_for`: the id of a run (of its workers) that
    wants a template of its own, or None."""
    connection = creation.connection
    template = Use.migrated[connection.alias] = template_of(connection)
    with template.lock():
        built_for = template.built_for()
        if built_for is not None and rebuild_for in (None, built_for):
            if verbosity >= 1:
                creation.log(f"Copying the migrated test database from {template.name}…")
            test_database_name = creation._get_test_db_name()
            template.create_test_db(creation, verbosity)
            creation.connection.close()
            settings.DATABASES[connection.alias]["NAME"] = test_database_name
            connection.settings_dict["NAME"] = test_database_name
            template.fill(connection)
            # What create_test_db does after its migrate.
            if serialize:
                connection._test_serialized_contents = creation.serialize_db_to_string()
            call_command("createcachetable", database=connection.alias)
            connection.ensure_connection()
            return test_database_name
        test_database_name = creation.original_create_test_db(
            verbosity=verbosity, serialize=serialize, keepdb=keepdb, **kwargs
        )
        if verbosity >= 1:
            creation.log(f"Keeping a copy of the migrated test database in {template.name}…")
        template.save(connection, rebuild_for or "")
        template.remove_stale()
        return test_database_name


def template_of(connection, kind=MIGRATED):
    extra = demo_key_parts() if kind == DEMO else ()
    template_class = SqliteTemplate if connection.vendor == "sqlite" else PostgresTemplate
    return template_class(connection, kind, extra)


def fill_with_demo(connection, load):
    """Fills the migrated, empty test database with the demo: a copy of the demo template, built
    first (by `load()`, then kept) if need be. False when this session uses no templates."""
    if not (Use.active and supports_template(connection)):
        return False
    template = template_of(connection, DEMO)
    with template.lock():
        built_for = template.built_for()
        if built_for is not None and Use.rebuild_for in (None, built_for):
            template.copy_into(connection)
            return True
        load()
        template.save(connection, Use.rebuild_for or "")
        template.remove_stale()
    return True


def empty_again(connection):
    """The migrated, empty database again, once the tests on the demo are done."""
    template = Use.migrated.get(connection.alias) or template_of(connection)
    with template.lock():
        template.copy_into(connection)


def supports_template(connection):
    if connection.vendor == "sqlite":
        return connection.creation._get_test_db_name().startswith("file:memorydb")
    return connection.vendor == "postgresql"


@contextlib.contextmanager
def migrated_once(rebuild_for=None):
    """Within it, Django's `setup_databases` creates the test databases from their templates."""
    patched = []
    for connection in connections.all():
        if not supports_template(connection):
            continue
        creation = connection.creation
        creation.original_create_test_db = creation.create_test_db

        def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False, _creation=creation):
            return create_test_db_from_template(
                _creation,
                rebuild_for,
                verbosity=verbosity,
                autoclobber=autoclobber,
                serialize=serialize,
                keepdb=keepdb,
            )

        creation.create_test_db = create_test_db
        patched.append(creation)
    Use.active, Use.rebuild_for = True, rebuild_for
    Use.database_names = {
        connection.alias: connection.settings_dict["NAME"] for connection in connections.all()
    }
    try:
        yield
    finally:
        Use.active, Use.rebuild_for = False, None
        for creation in patched:
            creation.create_test_db = creation.original_create_test_db
            del creation.original_create_test_db


class SqliteTemplate:
    def __init__(self, connection, kind=MIGRATED, extra=()):
        self.key = template_key(connection, extra)
        self.cache = Path(settings.BASE_DIR) / ".pytest-db"
        self.prefix = f"{connection.alias}-{kind}-"
        self.path = self.cache / f"{self.prefix}{self.key}.sqlite3"
        self.name = str(self.path.relative_to(settings.BASE_DIR))
        self.run_path = self.path.with_suffix(".run")

    def lock(self):
        return file_lock(self.cache / f"{self.prefix}lock")

    def built_for(self):
        if not self.path.exists():
            return None
        with contextlib.suppress(FileNotFoundError):
            return self.run_path.read_text()
        return ""

    def create_test_db(self, creation, verbosity):
        creation._create_test_db(verbosity, autoclobber=True, keepdb=False)

    def copy_into(self, connection):
        self.fill(connection)

    def fill(self, connection):
        assert connection.is_in_memory_db(), "only the in-memory test database is overwritten"
        connection.ensure_connection()
        source = sqlite3.connect(self.path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()

    def save(self, connection, run):
        connection.ensure_connection()
        self.run_path.write_text(run)
        partial = self.path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(partial)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        os.replace(partial, self.path)

    def remove_stale(self):
        for path in self.cache.glob(f"{self.prefix}*"):
            if path not in (self.path, self.run_path) and path.suffix != ".lock":
                path.unlink(missing_ok=True)


class PostgresTemplate:
    SUFFIXES = {MIGRATED: "_tpl_", DEMO: "_demo_"}

    def __init__(self, connection, kind=MIGRATED, extra=()):
        self.connection = connection
        self.key = template_key(connection, extra)
        name = Use.database_names.get(connection.alias, connection.settings_dict["NAME"])
        self.prefix = f"test_{name}"[: POSTGRES_NAME_LIMIT - 23] + self.SUFFIXES[kind]
        self.name = self.prefix + self.key
        # One lock per database name: the checkouts testing against other names do not wait.
        self.lock_id = int(hashlib.sha256(self.prefix.encode()).hexdigest()[:15], 16)

    @contextlib.contextmanager
    def lock(self):
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [self.lock_id])
            try:
                yield
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [self.lock_id])

    def built_for(self):
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database "
                "WHERE datname = %s",
                [self.name],
            )
            row = cursor.fetchone()
            return row and row[0]

    def create_test_db(self, creation, verbosity):
        test_settings = self.connection.settings_dict["TEST"]
        before = test_settings.get("TEMPLATE")
        test_settings["TEMPLATE"] = self.name
        try:
            creation._create_test_db(verbosity, autoclobber=True, keepdb=False)
        finally:
            test_settings["TEMPLATE"] = before

    def fill(self, connection):
        """Nothing: the test database was created as a copy of the template."""

    def copy_into(self, connection):
        """The test database dropped, then created again as a copy of the template."""
        quote = connection.ops.quote_name
        test_database_name = connection.settings_dict["NAME"]
        connection.close()
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE {quote(test_database_name)}")  # stops autovacuum there
            cursor.execute(f"CREATE DATABASE {quote(test_database_name)} TEMPLATE {quote(self.name)}")
        connection.ensure_connection()

    def save(self, connection, run):
        quote = connection.ops.quote_name
        test_database_name = connection.settings_dict["NAME"]
        # Each copy inherits the rows as they are: frozen and analysed once here, they are not
        # checked against the commit log nor planned without statistics in every copy.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (FREEZE, ANALYZE)")
        connection.close()  # a template may have no other session
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(self.name)}")
            cursor.execute(f"CREATE DATABASE {quote(self.name)} TEMPLATE {quote(test_database_name)}")
            cursor.execute(f"COMMENT ON DATABASE {quote(self.name)} IS %s", [run])
        connection.ensure_connection()

    def remove_stale(self):
        quote = self.connection.ops.quote_name
        with self.connection.creation._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s) AND datname <> %s",
                [self.prefix, self.name],
            )
            for (name,) in cursor.fetchall():
                try:
                    cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
                except DatabaseError:  # being copied by a checkout on other migrations: next time
                    pass


def load_demo():
    call_command("load_demo", verbosity=0)


def build(alias="default"):
    """Builds (or keeps) this database's templates, the migrated one then the demo, in a process
    of its own, as a pytest session would: `python -m tests.database_templates` (settings from
    DJANGO_SETTINGS_MODULE)."""
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    setup_test_environment()
    connection = connections[alias]
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor != "sqlite":
        test_settings["NAME"] = f"test_{connection.settings_dict['NAME']}_template_build"
    with migrated_once():
        created = setup_databases(verbosity=1, interactive=False, aliases=[alias], serialized_aliases=[])
        fill_with_demo(connection, load_demo)
    teardown_databases(created, verbosity=1)


if __name__ == "__main__":
    import django

    django.setup()
    build()
