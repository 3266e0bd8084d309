"""Every public form in real Chromium, in French and in Dutch, with its errors and after success.

One convention for all (issue 20): sent empty, the form comes back with an error summary at the top
of the form, each error a link to its field, the focus on the summary and the page title starting
with "Erreur : " ("Fout: " in Dutch); sent filled in, its confirmation shows in the first screen.
Each state is checked with axe-core and saved as a screenshot under test-artifacts/.

Each (form, language) is one test of two states at two widths: French shows the errors at 320 px
and the success at 1280 px, Dutch the other way round, so each form is seen in both states at both
widths. The Dutch pages are the untranslated ones (the French original under /nl/) when the demo
has some: the form must still answer in Dutch.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from knowledge.livreblanc.models import RecommendationPage
from knowledge.models import KnowledgeIndexPage
from network.events.models import EventPage
from network.models import DirectoryPage, Person
from passerelles.language_fallback import language_versions
from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = {"fr": (320, 1280), "nl": (1280, 320)}  # (errors, success)
ERROR_PREFIX = {"fr": "Erreur : ", "nl": "Fout: "}
SUMMARY_TITLE = {"fr": "Il y a un problème", "nl": "Er is een probleem"}


def in_language(language, page):
    """`page`'s address in `language`: its translation's, or its French original's under /nl/."""
    return page.url if language == "fr" else language_versions(page, None)[language][0]


def meetup_url(language):
    person = Person.objects.public().get(name="Youssef El Amrani")
    return DirectoryPage.objects.get(locale__language_code=language).person_url(person)


def event_url(language):
    return in_language(language, EventPage.objects.get(slug="reseautage-espaces-verts-la-louviere"))


def contribution_url(language):
    recommendation = RecommendationPage.objects.get(
        slug="reconditionnement-ordinateurs", locale__language_code="fr"
    )
    return in_language(language, recommendation)


def alert_url(language):
    listing = KnowledgeIndexPage.objects.get(locale__language_code=language)
    with translation.override(language):
        return f"{reverse('alerts:subscribe')}?cible={listing.pk}"


def contact_url(language):
    with translation.override(language):
        return reverse("contact")


def in_days(days):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


# name: (address, the form, its fields to fill, its confirmation in French and Dutch)
FORMS = {
    "rencontre": (
        meetup_url,
        "#demande form",
        {
            "#id_requester_name": "Camille Lejeune",
            "#id_requester_email": "camille.lejeune@example.org",
            "#id_requester_organisation": "CPAS de Charleroi",
            "#id_date_from": in_days(10),
            "#id_date_to": in_days(40),
            "#id_message": "Voir comment vous organisez l’accueil des stagiaires le premier jour.",
            "#id_agree": True,
        },
        {
            "fr": "Merci, votre demande est bien enregistrée",
            "nl": "Bedankt, uw aanvraag is goed geregistreerd",
        },
    ),
    "inscription": (
        event_url,
        "form.registration-form",
        {"#id_name": "Camille Lejeune", "#id_email": "camille.lejeune@example.org"},
        {"fr": "Votre inscription est confirmée", "nl": "Uw inschrijving is bevestigd"},
    ),
    "contribution": (
        contribution_url,
        "form.lb-contribute",
        {
            "#id_name": "Camille Lejeune",
            "#id_organisation": "EPN de Namur",
            "#id_text": "Nos stagiaires reconditionnent vingt ordinateurs par mois pour les familles.",
        },
        {"fr": "Merci ! Votre contribution sera publiée", "nl": "Bedankt! Uw bijdrage wordt gepubliceerd"},
    ),
    "alerte": (
        alert_url,
        "main form[method=post]",
        {"#id_email": "camille.lejeune@example.org"},
        {"fr": "Vérifiez votre boîte aux lettres", "nl": "Kijk in uw mailbox"},
    ),
    "contact": (
        contact_url,
        "main form[method=post]",
        {
            "#id_name": "Camille Lejeune",
            "#id_email": "camille.lejeune@example.org",
            "#id_subject": 1,  # the first subject of the list
            "#id_message": "Le plan de l’annuaire ne se lit pas au clavier.",
        },
        {"fr": "Merci, votre message est envoyé", "nl": "Bedankt, uw bericht is verstuurd"},
    ),
}


def in_viewport(page, locator):
    box = locator.bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def shot(page, artifacts_dir, name):
    """What the visitor sees in the first screen, where each state must show."""
    page.screenshot(path=str(artifacts_dir / f"{name}.png"))


def fill(form, fields):
    for selector, value in fields.items():
        field = form.locator(selector)
        if value is True:
            field.check()
        elif isinstance(value, int):
            field.select_option(index=value)
        else:
            field.fill(value)


@pytest.mark.parametrize("language", ["fr", "nl"])
@pytest.mark.parametrize("name", list(FORMS))
def test_form_errors_then_confirmation(page, site_server, demo_content, artifacts_dir, name, language):
    address, form_selector, fields, confirmation = FORMS[name]
    url = address(language)
    errors_width, success_width = WIDTHS[language]
    page.set_viewport_size({"width": errors_width, "height": 640 if errors_width == 320 else 900})
    assert page.goto(site_server.url + url).status == 200, url
    form = page.locator(form_selector)
    labels = form.locator("label").all_inner_texts()
    assert not [label for label in labels if label.rstrip().endswith(":")], labels

    # Sent empty: the summary of what to fix, first thing read, each error a link to its field.
    form.locator("button[type=submit]").click()
    assert page.locator("html").get_attribute("lang") == language
    assert page.title().startswith(ERROR_PREFIX[language]), page.title()
    assert page.title().count(ERROR_PREFIX[language].strip()) == 1, page.title()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible() and in_viewport(page, summary.locator("h2"))
    assert summary.locator("h2").inner_text() == SUMMARY_TITLE[language]
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    assert links.count() >= 1
    for target in (link.get_attribute("href") for link in links.all()):
        assert page.locator(target).count() == 1, target
    assert axe_violations(page) == []
    shot(page, artifacts_dir, f"formulaire-{name}-{language}-erreurs-{errors_width}")

    # Sent filled in: the confirmation where the eye is, in the visitor's language.
    page.set_viewport_size({"width": success_width, "height": 640 if success_width == 320 else 900})
    fill(page.locator(form_selector), fields)
    page.locator(form_selector).locator("button[type=submit]").click()
    assert page.locator("html").get_attribute("lang") == language
    assert page.url.startswith(site_server.url + ("/nl/" if language == "nl" else "/"))
    assert not page.title().startswith(ERROR_PREFIX[language]), page.title()
    shown = page.get_by_text(confirmation[language]).first
    assert in_viewport(page, shown), f"{name} : la confirmation s’affiche hors du premier écran"
    assert axe_violations(page) == []
    shot(page, artifacts_dir, f"formulaire-{name}-{language}-envoye-{success_width}")
