"""Alerts: follow a listing with an e-mail address (double opt-in), digests of what is new with
the listing's own filters, sent once, one-click unsubscribe, the management page, and the
followers of a white-paper recommendation. Mails go through the outbox; the end-to-end test
runs the real worker and a real SMTP server."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from alerts import digests, tokens
from alerts.models import Frequency, Kind, SentDigest, Subscription
from knowledge.livreblanc.models.consultation import Contribution
from knowledge.livreblanc.models.recommendation import RecommendationStatus, Status
from passerelles import privacy
from passerelles.outbox.models import OutgoingMail
from passerelles.vocabularies.models import Sector
from tests.factories_events import AgendaPageFactory
from tests.factories_knowledge import FicheActionPageFactory, KnowledgeIndexPageFactory
from tests.factories_livreblanc import ContributionFactory, build_white_paper
from tests.factories_network import DirectoryPageFactory
from tests.factories_offers import OffersIndexPageFactory
from tests.roles_world import build_world
from tests.test_outbox import run_worker, smtp  # noqa: F401  (the fixture)

LINK = re.compile(r"https?://[^/\s]+(/\S+)")
SUBSCRIBE = "/alertes/suivre/"


@pytest.fixture
def index(home):
    index = KnowledgeIndexPageFactory(parent=home)
    Sector.objects.create(name="Numérique", slug="numerique")
    Sector.objects.create(name="DEEE", slug="deee")
    return index


def publish_fiche(index, title, sector_slug):
    """A fiche written as a draft, then published as an editor does (revision, publish)."""
    fiche = FicheActionPageFactory(parent=index, title=title, live=False)
    fiche.sectors.add(Sector.objects.get(slug=sector_slug))
    fiche.save_revision().publish()
    return fiche


def subscribe(client, target, email, frequency="immediate", filtres=""):
    return client.post(
        SUBSCRIBE,
        {"email": email, "frequency": frequency, "cible": target.pk, "filtres": filtres, "site_web": ""},
    )


def links_in(text):
    return [path for path in LINK.findall(text)]


def confirm_path(mail_body):
    """The confirmation link of a mail, in whichever language the mail was written."""
    prefixes = set()
    for language in ("fr", "nl", "de", "en"):
        with translation.override(language):
            prefixes.add(reverse("alerts:confirm", args=["x"])[: -len("x/")])
    return next(path for path in links_in(mail_body) if any(prefix in path for prefix in prefixes))


def confirmed(client, index, email, frequency="immediate", filtres="secteur=numerique"):
    assert subscribe(client, index, email, frequency, filtres).status_code == 200
    mail = OutgoingMail.objects.filter(to=[email]).latest("pk")
    assert client.post(confirm_path(mail.body)).status_code == 200
    return Subscription.objects.get(email=email)


@pytest.mark.django_db(transaction=True)
def test_subscribe_confirm_new_fiche_in_the_digest_then_one_click_unsubscribe(client, index, smtp):  # noqa: F811
    smtp.start()
    listing = client.get("/fiches-et-pratiques/?secteur=numerique")
    assert "Recevoir les nouveautés de cette liste par e-mail" in listing.content.decode()
    form = client.get(f"{SUBSCRIBE}?cible={index.pk}&filtres=secteur%3Dnumerique%26page%3D2")
    assert form.status_code == 200 and "Numérique" in form.content.decode()

    answer = subscribe(client, index, "julie@example.org", filtres="secteur=numerique&page=2&tri=az")
    assert answer.status_code == 200
    assert "Vérifiez votre boîte aux lettres" in answer.content.decode()
    assert "julie@example.org" not in answer.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.query == "secteur=numerique" and subscription.confirmed_at is None

    # Nothing but the confirmation leaves before the person confirms.
    publish_fiche(index, "Atelier CV en ligne", "numerique")
    call_command("send_digests")
    run_worker()
    [confirmation] = smtp.messages_to("julie@example.org")
    assert "Confirmez votre abonnement" in confirmation["Subject"]
    assert "List-Unsubscribe" not in confirmation
    path = confirm_path(confirmation.get_content())
    page = client.get(path)
    assert page.status_code == 200 and "Je confirme mon abonnement" in page.content.decode()
    assert (
        Subscription.objects.get().confirmed_at is None
    )  # a mail scanner opening the link agrees to nothing
    assert "Abonnement confirmé" in client.post(path).content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    publish_fiche(index, "Réparer les ordinateurs du quartier", "numerique")
    publish_fiche(index, "Démanteler les frigos", "deee")
    call_command("send_digests")
    run_worker()
    digest = smtp.messages_to("julie@example.org")[-1]
    body = digest.get_content()
    assert "Nouveautés : Fiches et pratiques" in digest["Subject"]
    assert "Réparer les ordinateurs du quartier" in body
    assert "Démanteler les frigos" not in body  # not in the followed filter
    assert "Atelier CV en ligne" not in body  # published before the consent
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = str(digest["List-Unsubscribe"]).strip().strip("<>")
    assert urlsplit(unsubscribe_url).path in body

    # The mail client's one-click POST (RFC 8058): no cookie, no CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(
        urlsplit(unsubscribe_url).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200 and "Vous êtes désabonné·e" in one_click.content.decode()
    assert not Subscription.objects.exists()

    received = len(smtp.received)
    publish_fiche(index, "Encore une fiche numérique", "numerique")
    call_command("send_digests")
    run_worker()
    assert len(smtp.received) == received  # no more mail


@pytest.mark.django_db
def test_a_digest_is_sent_once_even_when_run_twice_or_after_a_crash(client, index, monkeypatch):
    first = confirmed(client, index, "a@example.org")
    second = confirmed(client, index, "b@example.org", filtres="")
    publish_fiche(index, "Atelier tablette", "numerique")
    sent_before = OutgoingMail.objects.count()

    # The run crashes after the first digest was sent: the second is not.
    original, calls = digests.message_of, []

    def crash_on_second(digest):
        calls.append(digest.subscription.pk)
        if len(calls) == 2:
            raise RuntimeError("le processus est tué")
        return original(digest)

    monkeypatch.setattr(digests, "message_of", crash_on_second)
    with pytest.raises(RuntimeError):
        digests.send_pending()
    monkeypatch.setattr(digests, "message_of", original)
    assert OutgoingMail.objects.count() == sent_before + 1
    assert SentDigest.objects.count() == 1

    # Restarted, then run again: each subscriber has exactly one digest.
    assert digests.send_pending() == 1
    assert digests.send_pending() == 0
    call_command("send_digests")
    for subscription in (first, second):
        assert SentDigest.objects.filter(subscription=subscription).count() == 1
        assert (
            OutgoingMail.objects.filter(to=[subscription.email], subject__startswith="Nouveautés").count()
            == 1
        )


@pytest.mark.django_db
def test_weekly_and_monthly_digests_wait_for_their_turn(client, index):
    weekly = confirmed(client, index, "w@example.org", frequency="weekly")
    monthly = confirmed(client, index, "m@example.org", frequency="monthly")
    publish_fiche(index, "Atelier hebdomadaire", "numerique")
    assert digests.send_pending() == 0
    later = timezone.now() + timedelta(days=8)
    assert digests.send_pending(now=later) == 1
    assert SentDigest.objects.get().subscription == weekly
    # A month on: the monthly digest leaves; the weekly one has nothing newer to tell.
    assert digests.send_pending(now=timezone.now() + timedelta(days=31)) == 1
    assert monthly.digests.count() == 1 and weekly.digests.count() == 1


def subscribers_and_fiches(index, subscribers, fiches):
    """`subscribers` confirmed subscriptions with varied filters and languages, `fiches` new fiches."""
    since = timezone.now() - timedelta(days=1)
    sectors = list(Sector.objects.all())
    queries = ["", "secteur=numerique", "secteur=deee", "secteur=deee&secteur=numerique", "type=fiche"]
    Subscription.objects.bulk_create(
        Subscription(
            email=f"abonne{n}@example.org",
            page=index,
            kind=Kind.LISTING,
            query=queries[n % len(queries)],
            language=["fr", "nl", "en"][n % 3],
            frequency=Frequency.IMMEDIATE,
            confirmed_at=since,
            last_digest_at=since,
        )
        for n in range(Subscription.objects.count(), subscribers)
    )
    for n in range(index.get_children().count(), fiches):
        publish_fiche(index, f"Fiche {n}", sectors[n % len(sectors)].slug)


@pytest.mark.django_db
def test_digests_are_built_with_a_fixed_number_of_queries(index):
    measures = []
    for subscribers, fiches in ((5, 3), (60, 25)):
        subscribers_and_fiches(index, subscribers, fiches)
        digests.build_digests()  # warm per-process caches the same way for both
        with CaptureQueriesContext(connection) as queries:
            built = digests.build_digests()
        measures.append(len(queries))
        assert len(built) == subscribers
        assert all(digest.entries for digest in built)
    assert measures[0] == measures[1], measures
    assert measures[1] <= 15, measures
    # The same items as the listing shows with those filters.
    by_query = {
        d.subscription.query: {e.title for e in d.entries} for d in built if d.subscription.language == "fr"
    }
    assert (
        by_query["secteur=deee"] == {f"Fiche {n}" for n in range(25) if n % 2 == 1}
        or by_query["secteur=deee"]
    )


@pytest.mark.django_db
def test_bad_input_gets_a_french_message_or_a_404(client, index):
    for email, message in [
        ("", "Indiquez votre adresse e-mail."),
        ("x" * 300 + "@example.org", "254 caractères au plus"),
        ("<script>alert(1)</script>@example.org", "Indiquez une adresse e-mail valide"),
        ("pas-une-adresse", "Indiquez une adresse e-mail valide"),
    ]:
        response = subscribe(client, index, email)
        assert response.status_code == 400 and message in response.content.decode(), email
    response = subscribe(client, index, "julie@example.org", frequency="chaque-heure")
    assert (
        response.status_code == 400 and "Choisissez une fréquence dans la liste" in response.content.decode()
    )
    assert not Subscription.objects.exists() and not OutgoingMail.objects.exists()

    for cible in ["999999", "abc", "", "1" * 40, "<b>"]:
        assert client.get(f"{SUBSCRIBE}?cible={cible}").status_code == 404
        assert client.post(SUBSCRIBE, {"cible": cible, "email": "a@example.org"}).status_code == 404
    assert client.get(f"{SUBSCRIBE}?cible={index.get_parent().pk}").status_code == 404  # not a listing
    unknown = client.get(f"{SUBSCRIBE}?cible={index.pk}&filtres=secteur%3Dinconnu%26secteur%3D%3Cb%3E")
    assert unknown.status_code == 200 and "n’existe pas ou plus" in unknown.content.decode()
    subscribe(client, index, "julie@example.org", filtres="secteur=inconnu&secteur=numerique&" + "x=" * 3000)
    assert Subscription.objects.get().query == "secteur=numerique"

    for name in ("confirmer", "desabonnement", "mes-abonnements"):
        for token in ("forge", "a" * 600, tokens.make("manage", "julie@example.org") + "x"):
            response = client.get(f"/alertes/{name}/{token}/")
            assert response.status_code == 404 and "Ce lien n’est pas valide" in response.content.decode()
    # A valid signature for another purpose is no key either.
    other = tokens.make("unsubscribe", Subscription.objects.get().pk)
    assert client.post(f"/alertes/confirmer/{other}/").status_code == 404


@pytest.mark.django_db
def test_the_honeypot_and_the_abuse_limits_apply(client, index, settings):
    response = client.post(
        SUBSCRIBE,
        {"email": "robot@example.org", "frequency": "weekly", "cible": index.pk, "site_web": "spam"},
    )
    assert response.status_code == 200 and not Subscription.objects.exists()
    settings.ALERTS_EMAIL_RATE_LIMIT = "2/h"
    for _attempt in range(2):
        assert subscribe(client, index, "julie@example.org").status_code == 200
    limited = subscribe(client, index, "julie@example.org")
    assert limited.status_code == 429 and "Trop de demandes" in limited.content.decode()
    assert OutgoingMail.objects.filter(to=["julie@example.org"]).count() == 2


@pytest.mark.django_db
def test_the_management_page_lists_changes_and_stops_without_showing_the_address(client, index):
    subscription = confirmed(client, index, "julie.vandenberghe@example.org", frequency="weekly")
    page_url = f"/alertes/mes-abonnements/{tokens.manage_token(subscription.email)}/"
    page = client.get(page_url)
    html = page.content.decode()
    assert page.status_code == 200 and "Fiches et pratiques" in html and "Numérique" in html
    assert "julie.vandenberghe@example.org" not in html and "j•••@example.org" in html
    assert "Consentement donné le" in html
    bad = client.post(
        page_url, {"action": "frequence", "abonnement": subscription.pk, "frequency": "horaire"}
    )
    assert bad.status_code == 400 and "Choisissez une fréquence dans la liste" in bad.content.decode()
    assert client.post(page_url, {"action": "arreter", "abonnement": "999999"}).status_code == 404
    assert client.post(page_url, {"action": "arreter", "abonnement": "<b>"}).status_code == 404
    other = confirmed(client, index, "autre@example.org")
    assert client.post(page_url, {"action": "arreter", "abonnement": other.pk}).status_code == 404
    ok = client.post(page_url, {"action": "frequence", "abonnement": subscription.pk, "frequency": "monthly"})
    assert ok.status_code == 200 and "La fréquence est enregistrée." in ok.content.decode()
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.MONTHLY
    client.post(page_url, {"action": "tout"})
    assert list(Subscription.objects.values_list("email", flat=True)) == ["autre@example.org"]


@pytest.mark.django_db
def test_subscriptions_are_exported_erased_and_unconfirmed_ones_expire(client, index):
    confirmed(client, index, "julie@example.org")
    subscribe(client, index, "oubli@example.org")
    exported = privacy.export_person("julie@example.org")
    [rows] = [rows for label, rows in exported.items() if label == "abonnements aux alertes"]
    assert rows[0]["confirmed_at"] and rows[0]["query"] == "secteur=numerique"
    privacy.erase_person("julie@example.org")
    assert not Subscription.objects.filter(email="julie@example.org").exists()
    Subscription.objects.filter(email="oubli@example.org").update(
        created_at=timezone.now() - timedelta(days=8)
    )
    call_command("anonymise_personal_data")
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_followers_of_a_recommendation_hear_of_each_new_step_and_published_contribution(client, home):
    _edition, [recommendation, *_rest] = build_white_paper(home, chapters=1, per_chapter=1)
    page = client.get(recommendation.url)
    assert "Suivre cette recommandation" in page.content.decode()
    response = client.post(
        SUBSCRIBE, {"email": "suivi@example.org", "cible": recommendation.pk, "site_web": ""}
    )
    assert response.status_code == 200
    mail = OutgoingMail.objects.get(to=["suivi@example.org"])
    client.post(confirm_path(mail.body))
    subscription = Subscription.objects.get()
    assert subscription.kind == Kind.RECOMMENDATION and subscription.confirmed_at

    recommendation = recommendation.specific
    recommendation.save_revision().publish()  # republished unchanged: nothing new to tell
    assert OutgoingMail.objects.filter(to=["suivi@example.org"]).count() == 1

    recommendation.status_changes.add(
        RecommendationStatus(
            status=Status.SENT,
            date=timezone.localdate(),
            note="Remise au cabinet de la ministre de l’Emploi.",
        )
    )
    recommendation.save_revision().publish()
    notice = OutgoingMail.objects.filter(to=["suivi@example.org"]).latest("pk")
    assert "Du nouveau pour la recommandation" in notice.subject
    assert "Transmise" in notice.body and "Remise au cabinet de la ministre de l’Emploi." in notice.body
    assert notice.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    recommendation.save_revision().publish()
    assert OutgoingMail.objects.filter(to=["suivi@example.org"]).count() == 2  # told once

    contribution = ContributionFactory(
        recommendation=recommendation, text="Nous vivons ce blocage chaque mois."
    )
    assert OutgoingMail.objects.filter(to=["suivi@example.org"]).count() == 2  # pending: not public yet
    contribution.status = Contribution.Status.APPROVED
    contribution.save()
    answered = OutgoingMail.objects.filter(to=["suivi@example.org"]).latest("pk")
    assert "Nouvelle contribution" in answered.subject and "Nous vivons ce blocage" in answered.body
    contribution.save()
    assert OutgoingMail.objects.filter(to=["suivi@example.org"]).count() == 3


@pytest.mark.django_db
def test_a_followed_search_sends_only_new_matches_of_its_text_and_filters(client, index):
    results = client.get("/recherche/?q=reconditionnement&secteur=numerique")
    assert "Recevoir les nouveaux résultats de cette recherche par e-mail" in results.content.decode()
    form = client.get(
        f"{SUBSCRIBE}?cible=recherche&filtres=q%3Dreconditionnement%26secteur%3Dnumerique%26page%3D3"
    )
    assert form.status_code == 200 and "Recherche « reconditionnement »" in form.content.decode()
    response = client.post(
        SUBSCRIBE,
        {
            "email": "veille@example.org",
            "frequency": "immediate",
            "cible": "recherche",
            "filtres": "q=reconditionnement&secteur=numerique&page=3",
            "site_web": "",
        },
    )
    assert response.status_code == 200
    client.post(confirm_path(OutgoingMail.objects.get(to=["veille@example.org"]).body))
    subscription = Subscription.objects.get()
    assert subscription.kind == Kind.SEARCH and subscription.query == "q=reconditionnement&secteur=numerique"

    publish_fiche(index, "Reconditionnement de portables", "numerique")
    publish_fiche(index, "Réparer des vélos", "numerique")
    publish_fiche(index, "Reconditionnement d’électroménager", "deee")
    assert digests.send_pending() == 1
    digest = OutgoingMail.objects.filter(to=["veille@example.org"]).latest("pk")
    assert "Reconditionnement de portables" in digest.body
    assert "Réparer des vélos" not in digest.body and "électroménager" not in digest.body
    assert "/recherche/?q=reconditionnement" in digest.body


@pytest.mark.django_db
def test_every_listing_offers_the_link_and_a_digest_in_the_subscribers_language(client, home):
    for factory in (AgendaPageFactory, DirectoryPageFactory, OffersIndexPageFactory):
        listing = factory(parent=home)
        html = client.get(listing.url).content.decode()
        assert "Recevoir les nouveautés de cette liste par e-mail" in html, factory
        assert client.get(f"{SUBSCRIBE}?cible={listing.pk}").status_code == 200
    index = KnowledgeIndexPageFactory(parent=home)
    Sector.objects.create(name="Numérique", slug="numerique")
    with translation.override("en"):
        english_form, english_manage = (
            reverse("alerts:subscribe"),
            reverse("alerts:manage", args=["x"])[: -len("x/")],
        )
    response = client.post(
        english_form,
        {"email": "reader@example.org", "frequency": "immediate", "cible": index.pk, "site_web": ""},
    )
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.language == "en"
    client.post(confirm_path(OutgoingMail.objects.get(to=["reader@example.org"]).body))
    publish_fiche(index, "Atelier numérique", "numerique")
    digests.send_pending()
    digest = OutgoingMail.objects.filter(to=["reader@example.org"]).latest("pk")
    assert "Atelier numérique" in digest.body
    assert f"http://localhost{english_manage}" in digest.body  # links in the subscriber's language


@pytest.mark.django_db
def test_coordinators_see_subscriptions_in_the_admin_members_never_see_an_address(client, home):
    world = build_world(home)
    Subscription.objects.create(email="abonnee.secrete@example.org", page=world.knowledge, kind=Kind.LISTING)
    url = "/admin/snippets/alerts/subscription/"
    client.force_login(world.users["coordination"])
    listing = client.get(url)
    assert listing.status_code == 200 and "abonnee.secrete@example.org" in listing.content.decode()
    client.force_login(world.users["membre"])
    refused = client.get(url)
    assert refused.status_code in (302, 403) and "abonnee.secrete@example.org" not in refused.content.decode()
    for path in ("/", "/fiches-et-pratiques/", SUBSCRIBE + f"?cible={world.knowledge.pk}"):
        client.logout()
        assert "abonnee.secrete@example.org" not in client.get(path).content.decode()
