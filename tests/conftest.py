"""Shared fixtures: a minimal site, admin users, the roles' small network, the demo content, a live
server and Chromium.

The demo content is copied in once per test session (per worker with pytest-xdist), then held in
an outer transaction: each test that asks for it runs in a savepoint rolled back afterwards, so a
test that changes data still leaves a clean demo to the next one. The roles' small network
(`roles_world`, tests/roles_world.py) is held the same way, before the demo. Tests are ordered so
that the ones that need an empty database run first (see `pytest_collection_modifyitems`).

Browser tests use `site_server`, a live server sharing the test's in-memory SQLite connection:
it sees the demo and the test's own rows without committing them, so no test wipes the database.

The empty, migrated test database is migrated once per machine and copied into each worker's test
database, and so is the demo (tests/database_templates.py).
"""

import pickle
import shutil
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections, transaction
from wagtail.models import Page, Site

from passerelles.demo_loading import ensure_page_tree
from tests import database_templates
from tests.database_templates import migrated_once
from tests.factories import HomePageFactory
from tests.roles_world import build_world
from tests.servers import start_site_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

# Run order: tests on an empty database, then tests on the roles' small network (built when the
# first of them starts), then tests on the demo (likewise), then the tests that commit: what the
# previous groups held is rolled back before them, and they empty the database after them, so
# nothing may follow them.
EMPTY_DATABASE, ROLES_WORLD, DEMO, TRANSACTIONAL = range(4)


def run_group(item):
    marker = item.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or {"transactional_db", "live_server"} & set(
        item.fixturenames
    ):
        return TRANSACTIONAL
    if "demo_content" in item.fixturenames:
        return DEMO
    return ROLES_WORLD if "roles_world" in item.fixturenames else EMPTY_DATABASE


def pytest_collection_modifyitems(items):
    items.sort(key=run_group)  # stable: the order within a group is the collection order


class OuterTransaction:
    """The outer transaction holding what a group of tests shares for the whole session (see the
    module docstring): the demo, or the roles' small network. At most one is open at a time.

    The demo is copied from its template (tests/database_templates.py), committed, then the outer
    transaction opens; closing it copies the migrated database back. Without templates
    (--reuse-db, --nomigrations), the demo is loaded inside the outer transaction. The small
    network is built inside it (a second), and kept pickled: each test gets its own copy of the
    Python objects, so what a test changes on them does not reach the next one."""

    holds = None  # DEMO, ROLES_WORLD or None
    atomic = None
    copied = False
    world = None  # the pickled roles' world

    @classmethod
    def hold(cls, group):
        if cls.holds == group:
            return
        cls.release()
        if group == DEMO:
            cls.copied = database_templates.fill_with_demo(
                connections["default"], database_templates.load_demo
            )
        cls.atomic = transaction.atomic()
        cls.atomic.__enter__()
        cls.holds = group
        if group == DEMO and not cls.copied:
            database_templates.load_demo()
        elif group == ROLES_WORLD:
            cls.world = pickle.dumps(build_world(default_home()))

    @classmethod
    def release(cls):
        if cls.atomic is None:
            return
        transaction.set_rollback(True)
        cls.atomic.__exit__(None, None, None)
        cls.atomic, cls.holds, cls.world = None, None, None
        if cls.copied:
            cls.copied = False
            database_templates.empty_again(connections["default"])


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    request,
    django_db_modify_db_settings_parallel_suffix,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
):
    """pytest-django's `django_db_setup` creates the test databases within this fixture: from the
    migrated template (built first if need be, again with --create-db), unless --reuse-db or
    --nomigrations ask for pytest-django's own ways."""
    if not django_db_use_migrations or (django_db_keepdb and not django_db_createdb):
        yield
        return
    run = getattr(request.config, "workerinput", {}).get("testrunuid") or uuid.uuid4().hex
    with migrated_once(rebuild_for=run if django_db_createdb else None):
        yield


@pytest.fixture(scope="session", autouse=True)
def _mail_through_the_outbox(django_test_environment):
    """Django's test setup swaps EMAIL_BACKEND for locmem: put the outbox back in front of it
    (its delivery backend, locmem, still fills django.core.mail.outbox)."""
    settings.EMAIL_BACKEND = "passerelles.outbox.backend.OutboxBackend"


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: rows a previous test rolled back are not remembered."""
    from django.core.cache import cache

    from passerelles.vocabularies.canonical import forget_terms

    cache.clear()
    forget_terms()


def default_home():
    """A French home page served as the default site, as a fresh install has."""
    ensure_page_tree()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Passerelles", slug="accueil")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Passerelles"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def home(request, db):
    """A French home page served as the default site (the roles' world's, for its tests)."""
    if OuterTransaction.holds == ROLES_WORLD:
        return request.getfixturevalue("roles_world").home
    return default_home()


@pytest.fixture
def roles_world(request, _roles_world_database, db):
    """tests/roles_world.py's two structures and one account per role: built once per session for
    the tests of its group, for each test otherwise (a committing test)."""
    if OuterTransaction.holds == ROLES_WORLD:
        return pickle.loads(OuterTransaction.world)
    return build_world(request.getfixturevalue("home"))


@pytest.fixture
def admin_client_logged(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "motdepasse-solide")
    client.force_login(user)
    return client


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    """Holds the demo. Session-scoped, so that it comes before the test's own transaction (module
    fixtures of the demo's tests may depend on it too)."""
    with django_db_blocker.unblock():
        OuterTransaction.hold(DEMO)
    yield
    with django_db_blocker.unblock():
        OuterTransaction.release()


@pytest.fixture(scope="session")
def _roles_world_database(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        OuterTransaction.hold(ROLES_WORLD)
    yield
    with django_db_blocker.unblock():
        OuterTransaction.release()


@pytest.fixture(autouse=True)
def _committing_tests_run_without_what_is_held(request, django_db_blocker):
    if run_group(request.node) == TRANSACTIONAL:
        with django_db_blocker.unblock():
            OuterTransaction.release()


@pytest.fixture
def demo_content(_demo_database, db):
    """The demo content (read it or change it: the test's changes are rolled back)."""


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """A live server on the test's own database connection (see the module's docstring)."""
    connection = connections["default"]
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        pytest.exit(
            "Les tests de navigateur tournent sur SQLite (make test-sqlite) : -m 'not browser' ailleurs."
        )
    with django_db_blocker.unblock():
        server = start_site_server(connection)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium: Playwright's own browser download cannot run here.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
