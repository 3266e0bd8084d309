"""The page cache for anonymous visitors: cached pages cost no query, carry Cache-Control, ETag
and Last-Modified, answer conditional requests with 304, never outlive a publication, and are
never served to logged-in users or built with a form's CSRF token."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.test import Client

from knowledge.models import FicheActionPage, KnowledgeIndexPage
from network.events.models import AgendaPage, EventPage
from network.models import DirectoryPage
from passerelles import publication
from passerelles.settings.frontend_cache import frontend_cache_settings
from tests.helpers import count_queries


@pytest.fixture
def page_cache(settings):
    settings.PASSERELLES_PAGE_CACHE = True


def french(model):
    return model.objects.live().filter(locale__language_code="fr").order_by("pk").first()


def demo_urls():
    return {
        "home": "/",
        "fiche": french(FicheActionPage).url,
        "listing": french(KnowledgeIndexPage).url,
        "feed": french(KnowledgeIndexPage).url + "flux/",
        "ical": french(AgendaPage).url + "ical/",
        "geojson": french(DirectoryPage).url + "carte/geojson/",
        "dutch home": "/nl/",
    }


def test_a_cached_page_feed_calendar_or_geojson_costs_no_query(client, demo_content, page_cache):
    for name, url in demo_urls().items():
        first, built = count_queries(client, url)
        assert first.status_code == 200, url
        assert built > 0
        again, queries = count_queries(client, url)
        assert queries == 0, f"{name} : {queries} requêtes en cache"
        assert again["X-Page-Cache"] == "hit"
        assert again.content == first.content
        assert again["Content-Type"] == first["Content-Type"]
        assert "public" in again["Cache-Control"]
        assert again["ETag"] == first["ETag"]
        assert again["Last-Modified"]


def test_a_page_from_the_cache_keeps_the_security_headers(client, demo_content, page_cache):
    url = french(FicheActionPage).url
    first = client.get(url)
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert again[header] == first[header], header


def test_conditional_requests_get_304(client, demo_content, page_cache):
    url = french(FicheActionPage).url
    response = client.get(url)
    by_etag, queries = count_queries(client, url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert by_etag.status_code == 304
    assert queries == 0
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert by_date.status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"autre"').status_code == 200


def test_a_published_change_shows_on_the_next_anonymous_request(client, demo_content, page_cache):
    fiche = french(FicheActionPage)
    listing = french(KnowledgeIndexPage).url
    assert client.get(fiche.url)["X-Page-Cache"] == "miss"
    assert client.get(fiche.url)["X-Page-Cache"] == "hit"
    client.get(listing)
    etag = client.get(fiche.url)["ETag"]

    fiche.title = "Un titre tout neuf pour la fiche"
    fiche.save_revision().publish()

    page = client.get(fiche.url)
    assert "Un titre tout neuf pour la fiche" in page.content.decode()
    assert page["ETag"] != etag
    assert client.get(fiche.url, HTTP_IF_NONE_MATCH=etag).status_code == 200
    # The listing that shows the fiche is not stale either.
    assert "Un titre tout neuf pour la fiche" in client.get(listing).content.decode()

    fiche.unpublish()
    assert client.get(fiche.url).status_code == 404


def test_a_logged_in_user_is_never_served_a_cached_page(admin_client_logged, demo_content, page_cache):
    client = Client()  # an anonymous visitor (admin_client_logged is the logged-in `client`)
    url = french(FicheActionPage).url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    response, queries = count_queries(admin_client_logged, url)
    assert response.status_code == 200
    assert queries > 0
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert b"wagtail-userbar" in response.content  # the editor's toolbar, not the visitor's page
    # And what the logged-in user saw is not served to the next visitor.
    assert b"wagtail-userbar" not in client.get(url).content


def test_a_page_with_a_form_and_its_csrf_token_is_not_cached(client, demo_content, page_cache):
    event = (
        EventPage.objects.live()
        .filter(locale__language_code="fr", registration_mode="site")
        .order_by("-start")
        .first()
    )
    first = client.get(event.url)
    assert b"csrfmiddlewaretoken" in first.content
    again, queries = count_queries(client, event.url)
    assert queries > 0
    assert "X-Page-Cache" not in again
    assert "private" in again["Cache-Control"]


def test_the_page_cache_is_off_when_settings_say_so(client, demo_content, settings):
    settings.PASSERELLES_PAGE_CACHE = False
    client.get("/")
    _response, queries = count_queries(client, "/")
    assert queries > 0


def test_frontend_cache_purging_is_configured_from_the_environment():
    def env_of(values):
        return lambda name, default=None: values.get(name, default)

    assert frontend_cache_settings(env_of({})) == {}
    assert frontend_cache_settings(
        env_of({"FRONTEND_CACHE_BACKEND": "http", "FRONTEND_CACHE_LOCATION": "http://varnish:8000"})
    ) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:8000",
        }
    }
    cloudflare = frontend_cache_settings(
        env_of(
            {"FRONTEND_CACHE_BACKEND": "cloudflare", "CLOUDFLARE_BEARER_TOKEN": "t", "CLOUDFLARE_ZONEID": "z"}
        )
    )
    assert cloudflare["default"]["ZONEID"] == "z"
    with pytest.raises(ImproperlyConfigured):
        frontend_cache_settings(env_of({"FRONTEND_CACHE_BACKEND": "varnish"}))
    with pytest.raises(ImproperlyConfigured):
        frontend_cache_settings(env_of({"FRONTEND_CACHE_BACKEND": "cloudfront"}))


def test_many_changes_in_one_transaction_bump_the_generation_once_more_at_commit(
    db, django_capture_on_commit_callbacks
):
    """A demo load or an import sends thousands of signals: one bump at commit is enough, and one
    is still due when the savepoint that registered it was rolled back."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                publication.bump()
                raise RuntimeError("savepoint rolled back")
        except RuntimeError:
            pass
        for _change in range(50):
            publication.bump()
        before_commit = publication.generation()
    assert len(callbacks) == 1
    assert publication.generation() > before_commit
