"""Consultation on an open edition: status timeline, supports counted once per browser, moderated
contributions, rate limits, and every kind of bad input refused in French without saving anything."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from knowledge.livreblanc.models import Contribution, EditionPage, RecommendationStatus, Support
from tests.factories_livreblanc import (
    ChapterPageFactory,
    ContributionFactory,
    EditionPageFactory,
    RecommendationPageFactory,
    build_white_paper,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()  # django-ratelimit counts in the cache, which outlives a test
    yield
    cache.clear()


@pytest.fixture
def paper(home):
    return build_white_paper(home, chapters=1, per_chapter=2)


def support(client, edition, recommendation_id, **extra):
    return client.post(edition.url + "soutenir/", {"recommendation": recommendation_id, **extra})


def contribution_data(page, **overrides):
    data = {
        "recommendation": page.pk,
        "name": "Nadia Benali",
        "organisation": "CISP Le Tremplin",
        "email": "nadia.benali@example.org",
        "text": "Une stagiaire a refait trois fois le même bilan en un an.",
        "site_web": "",
    }
    return {**data, **overrides}


def contribute(client, edition, data):
    return client.post(edition.url + "contribuer/", data)


# Status timeline


def test_current_status_is_the_latest_by_date_whatever_the_order(client, paper):
    edition, (recommendation, _other) = paper
    RecommendationStatus.objects.filter(page=recommendation).delete()
    for order, (status, day) in enumerate(
        [("adoptee", "2026-09-01"), ("proposee", "2026-01-10"), ("discutee", "2026-05-02")]
    ):
        RecommendationStatus.objects.create(
            page=recommendation, status=status, date=datetime.date.fromisoformat(day), sort_order=order
        )
    recommendation.refresh_from_db()
    assert recommendation.current_status.status == "adoptee"
    assert [change.status for change in recommendation.timeline()] == ["proposee", "discutee", "adoptee"]

    html = client.get(recommendation.url).content.decode()
    timeline = html[html.index('class="lb-timeline"') :]
    assert (
        timeline.index("10 janvier 2026") < timeline.index("2 mai 2026") < timeline.index("1 septembre 2026")
    )
    current = timeline[timeline.index("lb-timeline__step--current") :]
    assert "Adoptée" in current.split("</li>")[0] and "(statut actuel)" in current.split("</li>")[0]
    assert timeline.count("(statut actuel)") == 1
    assert "depuis le 1 septembre 2026" in html
    card = client.get(edition.url).content.decode()
    card = card[card.index(f'id="recommandation-{recommendation.pk}"') :]
    assert card.index("Adoptée") < card.index("</article>")


def test_recommendation_without_status_says_so(client, paper):
    _edition, (recommendation, _other) = paper
    RecommendationStatus.objects.filter(page=recommendation).delete()
    recommendation.refresh_from_db()
    assert recommendation.current_status is None
    assert "pas encore de statut" in client.get(recommendation.url).content.decode()


# Supports


def test_support_is_counted_once_per_browser(client, paper):
    edition, (recommendation, _other) = paper
    response = support(client, edition, recommendation.pk)
    assert response.status_code == 302 and response.url == f"{recommendation.url}#soutien"
    html = client.get(recommendation.url).content.decode()
    assert "est compté" in html and "1 soutien" in html
    assert "Vous soutenez cette recommandation." in html

    support(client, edition, recommendation.pk)
    assert "Vous soutenez déjà" in client.get(recommendation.url).content.decode()
    # Even when the session forgets the list, the browser's fingerprint is already counted.
    session = client.session
    session["livreblanc_soutiens"] = []
    session.save()
    support(client, edition, recommendation.pk)
    assert Support.objects.filter(recommendation=recommendation).count() == 1

    # Another person's browser on the same connection counts; the same browser without cookies not.
    support(Client(HTTP_USER_AGENT="Un autre navigateur"), edition, recommendation.pk)
    support(Client(), edition, recommendation.pk)
    assert Support.objects.filter(recommendation=recommendation).count() == 2
    assert "2 soutiens" in Client().get(recommendation.url).content.decode()


def test_support_from_the_edition_returns_to_the_edition(client, paper):
    edition, (recommendation, _other) = paper
    response = support(client, edition, recommendation.pk, retour="edition")
    assert response.url == f"{edition.url}#recommandation-{recommendation.pk}"
    html = client.get(edition.url).content.decode()
    assert "1 soutien" in html and "Vous soutenez cette recommandation." in html


@pytest.mark.parametrize("value", ["", "999999", "abc", "1 OR 1=1", "<b>1</b>", "9" * 400])
def test_support_for_an_unknown_recommendation_is_refused(client, paper, value):
    edition, _recommendations = paper
    response = support(client, edition, value)
    assert response.status_code == 400
    assert "Cette recommandation n&#x27;existe pas dans cette édition" in response.content.decode()
    assert Support.objects.count() == 0


def test_support_for_a_recommendation_of_another_edition_is_refused(client, home, paper):
    edition, _recommendations = paper
    index = edition.get_parent()
    other_edition = EditionPageFactory(parent=index, year=2027)
    foreign = RecommendationPageFactory(parent=ChapterPageFactory(parent=other_edition))
    assert support(client, edition, foreign.pk).status_code == 400
    assert Support.objects.count() == 0


def test_support_honeypot_saves_nothing(client, paper):
    edition, (recommendation, _other) = paper
    response = support(client, edition, recommendation.pk, site_web="http://spam.example")
    assert response.status_code == 400
    assert "n&#x27;a pas pu être enregistré" in response.content.decode()
    assert Support.objects.count() == 0


def test_get_on_the_form_routes_goes_back_to_the_edition(client, paper):
    edition, _recommendations = paper
    for route in ("soutenir/", "contribuer/"):
        response = client.get(edition.url + route)
        assert response.status_code == 302 and response.url == edition.url


@override_settings(LIVREBLANC_SUPPORT_RATE="3/h")
def test_supports_are_rate_limited_per_address(paper):
    edition, (recommendation, _other) = paper
    for number in range(3):  # three browsers behind one address
        assert (
            support(Client(HTTP_USER_AGENT=f"Navigateur {number}"), edition, recommendation.pk).status_code
            == 302
        )
    response = support(Client(HTTP_USER_AGENT="Navigateur 4"), edition, recommendation.pk)
    assert response.status_code == 429
    assert "Trop d&#x27;envois" in response.content.decode()
    assert Support.objects.count() == 3


# Contributions and moderation


def contribution_area(html):
    """The part of a recommendation's page the visitor lands on after posting (#avis)."""
    return html.split('id="avis"', 1)[1].split("</section>", 1)[0]


def test_after_posting_a_contribution_the_visitor_lands_on_the_form(client, paper):
    edition, (recommendation, _other) = paper
    html = client.get(recommendation.url).content.decode()
    action = reverse("livreblanc_contribute", args=[edition.pk])
    assert f'action="{action}#avis"' in html  # errors come back scrolled to it

    refused = contribute(client, edition, contribution_data(recommendation, name="", text=""))
    assert refused.status_code == 400
    area = contribution_area(refused.content.decode())
    assert "Il y a un problème" in area and "Indiquez votre nom." in area

    response = contribute(client, edition, contribution_data(recommendation))
    assert response.status_code == 302 and response.url.endswith("#avis")
    html = client.get(response.url).content.decode()
    assert "Votre contribution sera publiée après relecture" in contribution_area(html)
    # Said once, where the visitor looks: not at the top of the page too.
    assert html.count("Merci ! Votre contribution") == 1


def test_contribution_is_public_only_after_approval(client, admin_client_logged, paper):
    edition, (recommendation, _other) = paper
    data = contribution_data(recommendation)
    response = contribute(client, edition, data)
    assert response.status_code == 302 and response.url == f"{recommendation.url}#avis"
    contribution = Contribution.objects.get()
    assert contribution.status == Contribution.Status.PENDING
    assert "après relecture" in client.get(recommendation.url).content.decode()

    public_urls = [
        recommendation.url,
        edition.url,
        edition.url + "imprimer/",
        recommendation.get_parent().url,
    ]
    for url in public_urls:
        assert data["text"] not in Client().get(url).content.decode(), url

    # A coordinator finds it under the "en attente" filter and approves it in the admin.
    listing = reverse("wagtailsnippets_livreblanc_contribution:list")
    assert "Nadia Benali" in admin_client_logged.get(listing, {"status": "en-attente"}).content.decode()
    assert "Nadia Benali" not in admin_client_logged.get(listing, {"status": "approuvee"}).content.decode()
    edit = reverse("wagtailsnippets_livreblanc_contribution:edit", args=(contribution.pk,))
    response = admin_client_logged.post(
        edit, {**data, "recommendation": recommendation.pk, "status": "approuvee"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    html = Client().get(recommendation.url).content.decode()
    assert data["text"] in html and "Nadia Benali, CISP Le Tremplin" in html
    assert "nadia.benali@example.org" not in html  # never published


def test_rejected_contributions_stay_private(client, paper):
    _edition, (recommendation, _other) = paper
    ContributionFactory(recommendation=recommendation, status="rejetee", text="Message hors sujet.")
    ContributionFactory(recommendation=recommendation, status="approuvee", text="Retour d’expérience utile.")
    html = client.get(recommendation.url).content.decode()
    assert "Retour d’expérience utile." in html and "Message hors sujet." not in html


def test_empty_contribution_is_refused_in_french(client, paper):
    edition, (recommendation, _other) = paper
    response = contribute(
        client, edition, contribution_data(recommendation, name="  ", organisation="", text="")
    )
    assert response.status_code == 400
    html = response.content.decode()
    # Field by field, in the error summary (linked to the field) and beside the field.
    for message in ("Indiquez votre nom.", "Indiquez votre organisation.", "Écrivez votre contribution."):
        assert html.count(message) == 2, message
    assert "Il y a un problème" in html and "<title>Erreur :" in html
    assert Contribution.objects.count() == 0


def test_huge_contribution_is_refused_and_what_was_typed_is_kept(client, paper):
    edition, (recommendation, _other) = paper
    text = "Un témoignage très long. " * 400
    response = contribute(
        client, edition, contribution_data(recommendation, text=text, organisation="EFT L’Atelier")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "au plus 4000 caractères" in html
    assert 'value="EFT L’Atelier"' in html and "Un témoignage très long." in html
    assert Contribution.objects.count() == 0


def test_bad_email_is_refused(client, paper):
    edition, (recommendation, _other) = paper
    response = contribute(client, edition, contribution_data(recommendation, email="pas-une-adresse"))
    assert response.status_code == 400
    assert "Cette adresse e-mail n’est pas valide" in response.content.decode()
    assert Contribution.objects.count() == 0


def test_null_character_is_refused_without_error(client, paper):
    edition, (recommendation, _other) = paper
    response = contribute(client, edition, contribution_data(recommendation, text="avant\x00après"))
    assert response.status_code == 400
    assert Contribution.objects.count() == 0


def test_html_in_a_contribution_is_shown_as_text(client, paper):
    edition, (recommendation, _other) = paper
    text = '<script>alert("x")</script><b>gras</b>'
    assert (
        contribute(
            client, edition, contribution_data(recommendation, text=text, name="<i>Léa</i>")
        ).status_code
        == 302
    )
    Contribution.objects.update(status=Contribution.Status.APPROVED)
    html = client.get(recommendation.url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<i>Léa</i>" not in html and "&lt;i&gt;Léa&lt;/i&gt;" in html


def test_contribution_honeypot_saves_nothing(client, paper):
    edition, (recommendation, _other) = paper
    response = contribute(client, edition, contribution_data(recommendation, site_web="http://spam.example"))
    assert response.status_code == 400
    assert Contribution.objects.count() == 0


@pytest.mark.parametrize("value", ["", "424242", "abc", "9" * 400])
def test_contribution_to_an_unknown_recommendation_is_refused(client, paper, value):
    edition, (recommendation, _other) = paper
    response = contribute(client, edition, contribution_data(recommendation, recommendation=value))
    assert response.status_code == 400
    assert "Cette recommandation n&#x27;existe pas dans cette édition" in response.content.decode()
    assert Contribution.objects.count() == 0


@override_settings(LIVREBLANC_CONTRIBUTION_RATE="2/h")
def test_contributions_are_rate_limited_and_the_text_is_kept(client, paper):
    edition, (recommendation, _other) = paper
    for number in range(2):
        data = contribution_data(recommendation, text=f"Contribution {number}")
        assert contribute(client, edition, data).status_code == 302
    response = contribute(Client(), edition, contribution_data(recommendation, text="La troisième, refusée."))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop d&#x27;envois" in html and "La troisième, refusée." in html
    assert Contribution.objects.count() == 2


# A published edition is closed


def test_published_edition_refuses_supports_and_contributions(client, home):
    edition, (recommendation, _other) = build_white_paper(
        home, chapters=1, per_chapter=2, status=EditionPage.Status.PUBLISHED
    )
    for html in (client.get(edition.url).content.decode(), client.get(recommendation.url).content.decode()):
        assert "Je soutiens" not in html and "Envoyer ma contribution" not in html
        assert "consultation" in html and "close" in html
    response = support(client, edition, recommendation.pk)
    assert response.status_code == 403
    assert "La consultation sur cette édition est close" in response.content.decode()
    response = contribute(client, edition, contribution_data(recommendation))
    assert response.status_code == 403
    assert "La consultation sur cette édition est close" in response.content.decode()
    assert support(client, edition, "999999").status_code == 403
    assert Support.objects.count() == 0 and Contribution.objects.count() == 0
    # Still readable and downloadable.
    assert client.get(edition.url + "imprimer/").status_code == 200
    assert client.get(edition.url + "pdf/")["Content-Type"] == "application/pdf"


def test_supports_stay_visible_after_the_edition_closes(client, paper):
    edition, (recommendation, _other) = paper
    support(client, edition, recommendation.pk)
    edition.status = EditionPage.Status.PUBLISHED
    edition.save_revision().publish()
    html = Client().get(recommendation.url).content.decode()
    assert "1 soutien" in html and "Je soutiens" not in html


# One consultation across languages


@pytest.fixture
def dutch_paper(paper):
    """The edition and its first recommendation translated into Dutch (ancestors included)."""
    from wagtail.models import Locale

    edition, (recommendation, _other) = paper
    dutch = Locale.objects.get_or_create(language_code="nl")[0]
    for page in recommendation.get_ancestors(inclusive=True).specific()[1:]:
        if page.get_translation_or_none(dutch) is None:
            copy = page.copy_for_translation(dutch)
            copy.save_revision().publish()
    return edition, recommendation, edition.get_translation(dutch), recommendation.get_translation(dutch)


def in_dutch(text, plural=None, count=None):
    from django.utils import translation

    with translation.override("nl"):
        if plural is None:
            return translation.gettext(text)
        return translation.ngettext(text, plural, count) % {"counter": count}


def test_a_support_given_in_dutch_counts_for_the_recommendation_in_every_language(client, dutch_paper):
    edition, recommendation, dutch_edition, dutch_recommendation = dutch_paper
    response = support(client, dutch_edition, dutch_recommendation.pk)
    assert response.status_code == 302 and response.url == f"{dutch_recommendation.url}#soutien"
    assert list(Support.objects.values_list("recommendation_id", flat=True)) == [recommendation.pk]

    one = in_dutch("%(counter)s soutien", "%(counter)s soutiens", 1)
    supported = in_dutch("Vous soutenez cette recommandation.")
    for url in (dutch_recommendation.url, dutch_edition.url):
        html = client.get(url).content.decode()
        assert one in html and supported in html, url
    for url in (recommendation.url, edition.url):
        html = client.get(url).content.decode()
        assert "1 soutien" in html and "Vous soutenez cette recommandation." in html, url
    # The same browser supporting the French version is not counted twice.
    support(client, edition, recommendation.pk)
    assert Support.objects.count() == 1


def test_a_contribution_sent_in_dutch_is_moderated_and_shown_in_every_language(client, dutch_paper):
    edition, recommendation, dutch_edition, dutch_recommendation = dutch_paper
    response = contribute(client, dutch_edition, contribution_data(dutch_recommendation))
    assert response.status_code == 302 and response.url == f"{dutch_recommendation.url}#avis"
    contribution = Contribution.objects.get()
    assert contribution.recommendation_id == recommendation.pk
    contribution.status = Contribution.Status.APPROVED
    contribution.save()
    for url in (recommendation.url, dutch_recommendation.url):
        assert "Une stagiaire a refait trois fois le même bilan" in client.get(url).content.decode(), url
