"""The Nu HTML Checker (vnu-jar) finds no error in the home page and a standard page."""

import pytest

from tests.helpers import html_errors

pytestmark = pytest.mark.django_db


@pytest.mark.html
@pytest.mark.parametrize("path", ["/", "/a-propos/", "/recherche/?q=insertion", "/introuvable/"])
def test_pages_are_valid_html(client, demo_content, path):
    response = client.get(path)
    assert html_errors(response.content.decode()) == []
