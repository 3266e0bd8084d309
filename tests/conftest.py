"""Shared fixtures: a minimal site, admin users, the demo content, and a real Chromium."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page, Site

from passerelles.demo_loading import ensure_page_tree
from tests.factories import HomePageFactory

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture
def home(db):
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
def admin_client_logged(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "motdepasse-solide")
    client.force_login(user)
    return client


@pytest.fixture
def demo_content(db):
    call_command("load_demo", "--no-index", stdout=open("/dev/null", "w"))


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
