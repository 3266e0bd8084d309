"""The white paper's edition, chapters and recommendations hold one-click forms (support,
contribution, follow) and stay in the page cache: the forms post without a CSRF token to views
that refuse a post coming from another site (passerelles.same_origin), with the same honeypot and
rate limits. A support is visible to the next anonymous visitor at once."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from alerts.models import Subscription
from knowledge.livreblanc.models import Contribution, Support
from tests.factories_livreblanc import build_white_paper
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

HOST = "testserver"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PASSERELLES_PAGE_CACHE = True
    cache.clear()  # rate limits and pages of earlier tests
    yield
    cache.clear()


@pytest.fixture
def paper(home):
    return build_white_paper(home, chapters=1, per_chapter=2)


def support_url(edition):
    return reverse("livreblanc_support", args=(edition.pk,))


def test_edition_chapter_and_recommendation_are_served_from_the_cache(client, paper):
    edition, (recommendation, _other) = paper
    for url in (edition.url, recommendation.get_parent().url, recommendation.url):
        first = client.get(url)
        html = first.content.decode()
        assert "Je soutiens" in html
        assert "csrfmiddlewaretoken" not in html
        assert not first.cookies, url
        again, queries = count_queries(client, url)
        assert again["X-Page-Cache"] == "hit", url
        assert queries == 0, url
    assert "Envoyer ma contribution" in html and "Suivre" in html  # the recommendation's forms


def test_a_support_without_token_from_this_site_counts_and_shows_to_the_next_visitor(paper):
    edition, (recommendation, _other) = paper
    visitor = Client(enforce_csrf_checks=True)
    assert "0 soutien" in Client().get(recommendation.url).content.decode()
    response = visitor.post(
        support_url(edition),
        {"recommendation": recommendation.pk, "retour": "recommandation"},
        HTTP_ORIGIN=f"http://{HOST}",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302 and response.url == f"{recommendation.url}#soutien"
    assert Support.objects.filter(recommendation=recommendation).count() == 1
    assert "1 soutien" in Client().get(recommendation.url).content.decode()
    # The supporter has a session: their page says so, and is not the cached one.
    mine = visitor.get(recommendation.url)
    assert "Vous soutenez cette recommandation." in mine.content.decode()
    assert "X-Page-Cache" not in mine


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://autre-site.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://autre-site.example/page-piege/"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": f"http://{HOST}"},
    ],
)
def test_a_post_forged_on_another_site_is_refused_in_french(paper, headers):
    edition, (recommendation, _other) = paper
    client = Client()
    refused = client.post(support_url(edition), {"recommendation": recommendation.pk}, **headers)
    assert refused.status_code == 403
    assert "ne vient pas d’une page de ce site" in refused.content.decode()
    contribution = client.post(
        reverse("livreblanc_contribute", args=(edition.pk,)),
        {
            "recommendation": recommendation.pk,
            "name": "Nadia Benali",
            "organisation": "CISP Le Tremplin",
            "email": "nadia.benali@example.org",
            "text": "Une stagiaire a refait trois fois le même bilan en un an.",
        },
        **headers,
    )
    assert contribution.status_code == 403
    follow = client.post(
        reverse("alerts:subscribe"), {"cible": recommendation.pk, "email": "lea@example.org"}, **headers
    )
    assert follow.status_code == 403
    assert Support.objects.count() == Contribution.objects.count() == Subscription.objects.count() == 0


def test_a_contribution_without_token_from_this_site_is_kept_for_moderation(paper):
    edition, (recommendation, _other) = paper
    response = Client(enforce_csrf_checks=True).post(
        reverse("livreblanc_contribute", args=(edition.pk,)),
        {
            "recommendation": recommendation.pk,
            "name": "Nadia Benali",
            "organisation": "CISP Le Tremplin",
            "email": "nadia.benali@example.org",
            "text": "Une stagiaire a refait trois fois le même bilan en un an.",
            "site_web": "",
        },
        HTTP_REFERER=f"http://{HOST}{recommendation.url}",
    )
    assert response.status_code == 302 and response.url == f"{recommendation.url}#avis"
    assert Contribution.objects.get().status == Contribution.Status.PENDING


def test_the_honeypot_still_drops_a_support(paper):
    edition, (recommendation, _other) = paper
    response = Client().post(
        support_url(edition), {"recommendation": recommendation.pk, "site_web": "http://spam.example"}
    )
    assert response.status_code == 400
    assert Support.objects.count() == 0


@pytest.mark.parametrize("edition_id", ["999999", "99999999999999999999"])
def test_an_unknown_edition_is_a_404(client, paper, edition_id):
    _edition, (recommendation, _other) = paper
    for name in ("livreblanc_support", "livreblanc_contribute"):
        url = reverse(name, args=(1,)).replace("/1/", f"/{edition_id}/")
        assert client.post(url, {"recommendation": recommendation.pk}).status_code == 404
    assert Support.objects.count() == 0


def test_a_get_on_the_form_addresses_goes_back_to_the_edition(client, paper):
    edition, _recommendations = paper
    for name in ("livreblanc_support", "livreblanc_contribute"):
        response = client.get(reverse(name, args=(edition.pk,)))
        assert response.status_code == 302 and response.url == edition.url
