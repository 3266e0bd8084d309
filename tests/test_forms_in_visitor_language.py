"""A form posted in Dutch answers in Dutch, also on a page that has no Dutch translation yet
(shown in French under the Dutch address): its action, its errors, its confirmation and the links
it gives (the .ics, the compagnon profiles) stay under /nl/.

Before, an untranslated event's registration form posted to the French address: the errors, the
confirmation and the .ics came back in French to a Dutch visitor.
"""

import re

import pytest
from django.core.cache import cache

from knowledge.livreblanc.models import Contribution, RecommendationPage
from knowledge.models import KnowledgeItemPage
from network.events.models import EventPage
from network.models import OrganisationPage
from passerelles.language_fallback import language_versions
from tests.helpers import html_errors

pytestmark = pytest.mark.django_db

EVENT = "reseautage-espaces-verts-la-louviere"
RECOMMENDATION = "reconditionnement-ordinateurs"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def dutch_address(page):
    """The address the language switcher gives to a page without Dutch translation."""
    url, real = language_versions(page, None)["nl"]
    assert not real and url.startswith("/nl/"), url
    return url


def post_actions(html):
    return re.findall(r'<form method="post" action="([^"]*)"', html)


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_an_untranslated_event_registers_a_dutch_visitor_in_dutch(demo_content, client):
    event = EventPage.objects.get(slug=EVENT, locale__language_code="fr")
    address = dutch_address(event)
    html = client.get(address).content.decode()
    assert post_actions(html) == [address + "inscription/"]
    assert f'href="{address}ical/"' in html  # the .ics in Dutch too

    refused = client.post(address + "inscription/", {"name": "", "email": "", "organisation": ""})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert '<html lang="nl"' in html and title(html).startswith("Fout: ")
    assert "Vul uw naam in." in html and "Indiquez votre nom." not in html
    assert post_actions(html) == [address + "inscription/"]

    data = {"name": "Joke Peeters", "email": "joke.peeters@example.org", "organisation": ""}
    response = client.post(address + "inscription/", data)
    assert response.status_code == 302 and response["Location"] == address + "#inscription"
    assert "Uw inschrijving is bevestigd." in client.get(response["Location"]).content.decode()
    # A GET on the registration route goes back to the event, in Dutch.
    assert client.get(address + "inscription/")["Location"] == address


def test_an_untranslated_recommendation_takes_a_dutch_contribution_in_dutch(demo_content, client):
    recommendation = RecommendationPage.objects.get(slug=RECOMMENDATION, locale__language_code="fr")
    address = dutch_address(recommendation)
    html = client.get(address).content.decode()
    support_url, contribute_url = post_actions(html)[:2]
    # The consultation's own addresses (posted without a CSRF token), under the Dutch prefix.
    assert re.fullmatch(r"/nl/livre-blanc/\d+/soutenir/", support_url), support_url
    assert re.fullmatch(r"/nl/livre-blanc/\d+/contribuer/#avis", contribute_url), contribute_url
    contribute_url = contribute_url.removesuffix("#avis")

    data = {"recommendation": recommendation.pk, "name": "", "organisation": "", "text": ""}
    refused = client.post(contribute_url, data)
    assert refused.status_code == 400
    html = refused.content.decode()
    assert title(html).startswith("Fout: ") and "Vul uw naam in." in html

    data.update(name="Joke Peeters", organisation="OCMW Gent", text="Een concreet voorbeeld uit Gent.")
    response = client.post(contribute_url, data)
    assert response.status_code == 302 and response["Location"] == address + "#avis"
    assert Contribution.objects.filter(recommendation=recommendation, name="Joke Peeters").exists()
    assert "Bedankt! Uw bijdrage" in client.get(response["Location"]).content.decode()

    support = client.post(support_url, {"recommendation": recommendation.pk, "retour": "recommandation"})
    assert support["Location"] == address + "#soutien"


def dutch_address_of_translated(page):
    url, real = language_versions(page, None)["nl"]
    assert real and url.startswith("/nl/"), url
    return url


def test_compagnons_of_untranslated_pages_are_linked_in_dutch(demo_content, client):
    organisation = next(
        page
        for page in OrganisationPage.objects.live().filter(locale__language_code="fr")
        if page.public_people() and not language_versions(page, None)["nl"][1]
    )
    html = client.get(dutch_address(organisation)).content.decode()
    profiles = re.findall(r'href="([^"]*/compagnons/\d+-[^"]*)"', html)
    assert profiles and all(url.startswith("/nl/") for url in profiles), profiles

    practice = KnowledgeItemPage.objects.get(slug="mentorat-en-espaces-verts", locale__language_code="fr")
    html = client.get(language_versions(practice, None)["nl"][0]).content.decode()
    section = html.split('id="compagnons"', 1)[1]
    profiles = re.findall(r'href="([^"]*/compagnons/\d+-[^"]*)"', section)
    assert profiles and all(url.startswith("/nl/") for url in profiles), profiles

    # The profile's meetup form posts to itself, in Dutch, and answers in Dutch.
    profile = profiles[0].split("#")[0]
    html = client.get(profile).content.decode()
    assert post_actions(html) == [profile + "#demande"]
    refused = client.post(profile, {"requester_name": "", "requester_email": ""})
    html = refused.content.decode()
    assert title(html).startswith("Fout: ") and "Vul uw e-mailadres in." in html


def test_the_alert_and_contact_forms_post_to_the_dutch_address(demo_content, client):
    html = client.get("/nl/fiches-en-praktijken/").content.decode()
    follow = re.search(r'class="follow-link" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert follow.startswith("/nl/")
    html = client.get(follow).content.decode()
    action = post_actions(html)[0]
    assert action.startswith("/nl/")
    cible = re.search(r'name="cible" value="([^"]*)"', html).group(1)
    refused = client.post(action, {"cible": cible, "email": ""})
    html = refused.content.decode()
    assert refused.status_code == 400 and title(html).startswith("Fout: Nieuwigheden ontvangen")

    html = client.get("/nl/contact/").content.decode()
    assert post_actions(html) == ["/nl/contact/"]


def test_the_alert_form_with_errors_says_error_once_in_its_title(demo_content, client):
    html = client.get("/fiches-et-pratiques/").content.decode()
    follow = re.search(r'class="follow-link" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    html = client.get(follow).content.decode()
    cible = re.search(r'name="cible" value="([^"]*)"', html).group(1)
    refused = client.post(post_actions(html)[0], {"cible": cible, "email": "pas une adresse"})
    assert refused.status_code == 400
    assert title(refused.content.decode()) == "Erreur : Recevoir les nouveautés · Passerelles"


@pytest.mark.html
def test_the_dutch_forms_with_their_errors_are_valid_html(demo_content, client):
    event = EventPage.objects.get(slug=EVENT, locale__language_code="fr")
    refused = client.post(dutch_address(event) + "inscription/", {"name": "", "email": ""})
    assert html_errors(refused.content.decode()) == []
    recommendation = RecommendationPage.objects.get(slug=RECOMMENDATION, locale__language_code="fr")
    edition_nl = dutch_address_of_translated(recommendation.get_parent().get_parent())
    refused = client.post(edition_nl + "contribuer/", {"recommendation": recommendation.pk, "name": ""})
    assert refused.status_code == 400
    assert html_errors(refused.content.decode()) == []
