"""The contact form: the team's one public address, reached without JavaScript, safe from floods."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from tests.helpers import html_errors

pytestmark = pytest.mark.django_db

URL = "/contact/"


def valid_data(**overrides):
    data = {
        "name": "Aïcha Benali",
        "email": "aicha@cisp-exemple.be",
        "subject": "accessibilite",
        "page_url": "/annuaire/",
        "message": "La carte de l’annuaire ne se lit pas avec mon lecteur d’écran.",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_a_valid_message_reaches_the_team_through_the_outbox(home, client, settings):
    settings.CONTACT_EMAIL = "equipe@passerelles.example"
    response = client.post(URL, valid_data())
    assert response.status_code == 200
    assert "Merci, votre message est envoyé" in response.content.decode()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["equipe@passerelles.example"]
    assert sent.reply_to == ["aicha@cisp-exemple.be"]
    assert "lecteur d’écran" in sent.body and "/annuaire/" in sent.body


def test_the_form_shows_without_javascript_and_points_to_itself(home, client):
    html = client.get(URL).content.decode()
    assert 'action="/contact/"' in html
    assert 'name="message"' in html and "(facultatif)" in html
    assert "<script" not in html.split('<form method="post"')[1].split("</form>")[0]


@pytest.mark.parametrize(
    ("data", "messages"),
    [
        (
            {"name": "", "email": "", "subject": "", "message": ""},
            [
                "Indiquez votre nom.",
                "Indiquez votre adresse e-mail.",
                "Choisissez le sujet de votre message.",
                "Écrivez votre message.",
            ],
        ),
        (
            {
                "name": "x" * 5000,
                "message": "y" * 100_000,
                "email": "a" * 300 + "@x.be",
                "page_url": "z" * 900,
            },
            [
                "Votre nom doit faire 120 caractères au plus.",
                "Votre message doit faire 3 000 caractères au plus.",
                "L’adresse e-mail doit faire 254 caractères au plus.",
                "L’adresse de la page doit faire 500 caractères au plus.",
            ],
        ),
        (
            {
                "name": "<b>Robot</b>",
                "message": "<script>alert(1)</script>",
                "subject": "<i>",
                "email": "pas-une-adresse",
            },
            [
                "Écrivez du texte simple, sans balises HTML (&lt; &gt;).",
                "Choisissez un sujet dans la liste.",
                "Indiquez une adresse e-mail valide, comme nom@exemple.be.",
            ],
        ),
    ],
    ids=["empty", "huge", "html"],
)
def test_bad_input_gets_french_messages_in_the_error_summary(home, client, data, messages):
    response = client.post(URL, valid_data(**data))
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Erreur :" in html
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    for message in messages:
        assert message in summary
    assert "<script>alert(1)</script>" not in html
    assert mail.outbox == []


def test_a_filled_honeypot_looks_sent_but_mails_nobody(home, client):
    response = client.post(URL, valid_data(site_web="http://spam.example"))
    assert response.status_code == 200
    assert "Merci, votre message est envoyé" in response.content.decode()
    assert mail.outbox == []


def test_a_flood_is_stopped_and_keeps_the_typed_text(home, settings):
    settings.CONTACT_RATE_LIMIT = "3/h"
    flood = Client()
    for number in range(3):
        assert flood.post(URL, valid_data(email=f"robot{number}@spam.example")).status_code == 200
    response = flood.post(URL, valid_data(email="robot9@spam.example", message="Encore un message."))
    assert response.status_code == 429
    html = response.content.decode()
    assert "réessayez dans une heure" in html and "Encore un message." in html
    assert len(mail.outbox) == 3


def test_the_same_sender_cannot_repeat_more_than_three_times(home):
    client = Client()
    for _number in range(3):
        assert client.post(URL, valid_data()).status_code == 200
    assert client.post(URL, valid_data()).status_code == 429


def test_the_accessibility_statement_links_to_the_form_and_is_dated(demo_content, client):
    statement = Page.objects.get(slug="accessibilite", locale__language_code="fr").specific
    html = client.get(statement.url).content.decode()
    assert 'href="/contact/"' in html
    assert "Problèmes connus" in html
    assert "Déclaration établie le" in html
    assert "formulaire de contact de votre zone" not in html


@pytest.mark.html
def test_the_form_with_its_errors_and_its_success_page_are_valid_html(demo_content, client):
    assert html_errors(client.get(URL).content.decode()) == []
    assert html_errors(client.post(URL, valid_data(name="", email="x")).content.decode()) == []
    assert html_errors(client.post(URL, valid_data()).content.decode()) == []


def test_the_dutch_statement_is_translated_with_its_known_issues(demo_content, client):
    french = Page.objects.get(slug="accessibilite", locale__language_code="fr")
    statement = french.get_translation(Locale.objects.get(language_code="nl"))
    assert statement.live and statement.slug == "toegankelijkheid"
    html = client.get(statement.url).content.decode()
    assert "Bekende problemen" in html and "contactformulier" in html


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_page_footer_leads_to_the_form_in_the_visitors_language(demo_content, client, language):
    with translation.override(language):
        home_url, form_url, label = (
            reverse("wagtail_serve", args=("",)),
            reverse("contact"),
            _("Écrire à l’équipe"),
        )
    html = client.get(home_url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<a href="{form_url}">{label}</a>' in footer
    assert client.get(form_url).status_code == 200
