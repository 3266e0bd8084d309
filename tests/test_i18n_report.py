"""Translators see which pages are missing in which language (Reports › Traductions manquantes)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def row_of(html, title):
    rows = re.findall(r"<tr.*?</tr>", html, re.S)
    row = next(row for row in rows if title in row)
    return [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<td.*?</td>", row, re.S)]


def test_report_lists_missing_translations_per_language(admin_client_logged, demo_content):
    response = admin_client_logged.get(reverse("passerelles_translation_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Traductions manquantes" in html
    translated = row_of(html, "Former des mécaniciens et mécaniciennes vélo")
    assert translated[-3:] == ["traduite", "traduite", "traduite"]
    missing = row_of(html, "Accompagner un bilan de parcours professionnel")
    assert missing[-3:] == ["manquante", "manquante", "manquante"]


def test_report_is_for_administrators_only(client, demo_content, django_user_model):
    user = django_user_model.objects.create_user("lecteur", password="x")
    client.force_login(user)
    assert client.get(reverse("passerelles_translation_report")).status_code in (302, 403)
