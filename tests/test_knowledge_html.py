"""The Nu HTML Checker (vnu-jar) finds no error in the knowledge listing, a fiche and a practice."""

import pytest

from tests.helpers import html_errors

pytestmark = pytest.mark.django_db


@pytest.mark.html
def test_knowledge_pages_are_valid_html(client, demo_content):
    paths = [
        "/fiches-et-pratiques/",
        "/fiches-et-pratiques/?secteur=numerique&secteur=inconnu&page=abc&tri=az",
        "/fiches-et-pratiques/cv-en-carte-mentale/",
        "/fiches-et-pratiques/restaurant-d-application-et-mobilite/",  # stale practice: freshness notice
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert html_errors(response.content.decode()) == [], path
