"""The site frame: home and standard pages in the admin and in public, errors, robots, sitemap."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from passerelles.models import HomePage, StandardPage
from tests.factories import StandardPageFactory
from tests.helpers import assert_fixed_query_budget

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_french(client, home):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Passerelles" in html
    assert 'href="#contenu"' in html  # skip link to the main landmark


def test_standard_page_can_be_created_in_admin(admin_client_logged, home):
    url = reverse("wagtailadmin_pages:add", args=("passerelles", "standardpage", home.pk))
    response = admin_client_logged.post(
        url,
        {
            "title": "À propos",
            "slug": "a-propos",
            "introduction": "Qui nous sommes.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="a-propos")
    assert page.live and page.get_parent().pk == home.pk
    assert "Qui nous sommes." in admin_client_logged.get(page.url).content.decode()


def test_home_page_edit_view_opens(admin_client_logged, home):
    response = admin_client_logged.get(reverse("wagtailadmin_pages:edit", args=(home.pk,)))
    assert response.status_code == 200


def test_standard_page_renders_its_stream(client, home):
    page = StandardPageFactory(
        parent=home,
        title="Mentions légales",
        body=[
            ("heading", {"text": "Éditeur", "level": "h2"}),
            ("quote", {"quote": "Partager ce qui marche.", "author": "Le réseau", "role": ""}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<h2 class="block-heading">Éditeur</h2>' in html
    assert "Partager ce qui marche." in html
    assert 'aria-label="Fil d’Ariane"' in html


def test_unknown_page_gets_the_french_404(client, home):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Cette page est introuvable" in response.content.decode()


def test_robots_and_sitemap(client, home):
    StandardPageFactory(parent=home, title="À propos", slug="a-propos")
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "sitemap.xml" in robots
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-pages.xml" in index
    assert "/a-propos/" in client.get("/sitemap-pages.xml").content.decode()


def test_favicon_is_served(client, home):
    assert client.get("/favicon.ico").status_code == 302


def test_language_switcher_points_to_each_language(client, home):
    html = client.get("/").content.decode()
    for code in ("fr", "nl", "de", "en"):
        assert f'hreflang="{code}"' in html


def test_standard_page_query_budget_is_fixed(client, home):
    page = StandardPageFactory(parent=home, title="Accessibilité")

    def grow(count):
        existing = StandardPage.objects.child_of(home).exclude(pk=page.pk).count()
        for _ in range(count - existing):
            StandardPageFactory(parent=home, show_in_menus=True)

    assert_fixed_query_budget(client, page.url, grow, budget=20)


def test_home_query_budget_is_fixed(client, home):
    def grow(count):
        existing = StandardPage.objects.child_of(home).count()
        for _ in range(count - existing):
            StandardPageFactory(parent=home, show_in_menus=True)

    assert_fixed_query_budget(client, "/", grow, budget=25)


def test_home_is_unique_under_root(home):
    assert not HomePage.can_create_at(Page.get_first_root_node()) or HomePage.objects.count() == 1


def test_link_block_needs_exactly_one_target():
    from wagtail.blocks import StructBlockValidationError

    from passerelles.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"label": "Agenda", "page": None, "url": ""}))
    assert "une seule" in str(error.value.block_errors["url"])
    assert block.clean(block.to_python({"label": "Site", "page": None, "url": "https://concertes.be"}))
