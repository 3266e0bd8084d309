"""Readers' feedback under fiches and practices: "Cette fiche vous a-t-elle été utile ?" counted
once per client and day without a cookie (the fiche stays in the page cache), refused from another
site, for bad input, robots and floods; moderated questions answered by the owning structure in
the admin, mailed to the asker, shown under the fiche without any e-mail address."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from knowledge.feedback.models import DailyHelpfulness, FeedbackReason, Question, VoteReceipt
from passerelles.publication import generation
from tests.helpers import count_queries, html_errors

pytestmark = pytest.mark.django_db

VOTE_URL = "/fiches/avis/"
SAME_SITE = {"HTTP_SEC_FETCH_SITE": "same-origin"}
ASKER_EMAIL = "camille.r@example.org"


@pytest.fixture
def world(roles_world):
    return roles_world


@pytest.fixture
def fiche(world):
    return world.own_fiche


def vote(client, page, value="oui", **extra):
    headers = extra.pop("headers", SAME_SITE)
    return client.post(VOTE_URL, {"page": page.pk, "utile": value, "site_web": "", **extra}, **headers)


def counts(page):
    days = DailyHelpfulness.objects.filter(page=page)
    return sum(day.yes for day in days), sum(day.no for day in days)


def question_data(**overrides):
    data = {
        "name": "Camille R.",
        "email": ASKER_EMAIL,
        "text": "Combien de vélos par stagiaire et par semaine ?",
        "consent": "on",
        "site_web": "",
    }
    return {**data, **overrides}


def ask_url(page):
    return page.url + "question/"


def published_question(page, **fields):
    values = {
        "page": page,
        "name": "Camille R.",
        "email": ASKER_EMAIL,
        "text": "Combien de vélos par stagiaire et par semaine ?",
        "status": Question.Status.PUBLISHED,
    }
    return Question.objects.create(**{**values, **fields})


# The vote


def test_the_fiche_shows_the_vote_form_without_csrf_cookie_and_stays_cacheable(client, fiche, settings):
    settings.PASSERELLES_PAGE_CACHE = True
    first = client.get(fiche.url)
    html = first.content.decode()
    assert "Cette fiche vous a-t-elle été utile ?" in html
    assert f'action="{VOTE_URL}"' in html and 'name="utile" value="oui"' in html
    assert "csrfmiddlewaretoken" not in html.split("knowledge-feedback", 1)[1].split("</section>", 1)[0]
    assert not first.cookies and "Set-Cookie" not in first
    assert client.get(fiche.url)["X-Page-Cache"] == "hit"


def test_a_vote_counts_once_per_client_and_day_and_redirects_to_thanks(client, fiche):
    response = vote(client, fiche, "oui")
    assert response.status_code == 303
    assert response["Location"].startswith(reverse("knowledge_feedback_thanks"))
    assert not response.cookies  # no cookie needed to count once
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert f"Votre avis sur « {fiche.title} » est compté." in thanks.content.decode()

    again = vote(client, fiche, "non")
    assert again.status_code == 303
    assert "était déjà compté aujourd’hui" in client.get(again["Location"]).content.decode()
    assert counts(fiche) == (1, 0)

    other_client = Client(REMOTE_ADDR="192.0.2.44")
    assert vote(other_client, fiche, "non").status_code == 303
    assert counts(fiche) == (1, 1)
    # The receipts are hashes: neither address is stored.
    digests = list(VoteReceipt.objects.values_list("digest", flat=True))
    assert len(digests) == 2 and all(
        "192.0.2.44" not in digest and "127.0.0.1" not in digest for digest in digests
    )


def test_yesterdays_receipts_are_dropped_and_the_client_may_vote_again_the_next_day(client, fiche):
    vote(client, fiche, "oui")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    VoteReceipt.objects.update(day=yesterday)
    DailyHelpfulness.objects.update(day=yesterday)
    # The hash covers the day: yesterday's receipt does not block today's vote, and is deleted.
    VoteReceipt.objects.update(digest="0" * 64)
    assert vote(client, fiche, "oui").status_code == 303
    assert VoteReceipt.objects.filter(day=yesterday).count() == 0
    assert counts(fiche) == (2, 0)


def test_a_vote_from_another_site_is_refused(client, fiche):
    for headers in (
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/fiche/"},
    ):
        response = vote(client, fiche, headers=headers)
        assert response.status_code == 403, headers
        assert "depuis la fiche, sur ce site" in response.content.decode()
    assert counts(fiche) == (0, 0)
    assert vote(client, fiche, headers={"HTTP_ORIGIN": "http://testserver"}).status_code == 303
    assert (
        vote(
            Client(REMOTE_ADDR="192.0.2.9"), fiche, headers={"HTTP_REFERER": f"http://testserver{fiche.url}"}
        ).status_code
        == 303
    )
    assert counts(fiche) == (2, 0)
    # Without any of these headers the post comes from a program, not from a visitor's browser
    # (nothing to forge through someone else's browser): it meets the honeypot and limits only.
    assert vote(Client(REMOTE_ADDR="192.0.2.10"), fiche, headers={}).status_code == 303
    assert counts(fiche) == (3, 0)


@pytest.mark.parametrize(
    ("page_value", "value", "status", "message"),
    [
        ("", "oui", 404, "Cette fiche n’existe pas ou n’est plus publiée."),
        ("999999", "oui", 404, "Cette fiche n’existe pas ou n’est plus publiée."),
        ("9" * 400, "oui", 404, "Cette fiche n’existe pas ou n’est plus publiée."),
        ("<script>", "oui", 404, "Cette fiche n’existe pas ou n’est plus publiée."),
        ("draft", "oui", 404, "Cette fiche n’existe pas ou n’est plus publiée."),
        ("fiche", "peut-être", 400, "par oui ou par non"),
        ("fiche", "", 400, "par oui ou par non"),
        ("fiche", "x" * 5000, 400, "par oui ou par non"),
    ],
)
def test_bad_votes_get_a_french_message_and_count_nothing(client, world, page_value, value, status, message):
    page_id = {"fiche": world.own_fiche.pk, "draft": world.own_draft.pk}.get(page_value, page_value)
    response = client.post(VOTE_URL, {"page": page_id, "utile": value}, **SAME_SITE)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not DailyHelpfulness.objects.exists()


def test_a_get_on_the_vote_url_explains_instead_of_failing(client, fiche):
    response = client.get(VOTE_URL, {"page": fiche.pk, "utile": "oui"})
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "utilisez les boutons « Oui » ou « Non » sous la fiche" in response.content.decode()
    assert not DailyHelpfulness.objects.exists()


def test_a_robot_filling_the_honeypot_is_thanked_but_not_counted(client, fiche):
    response = vote(client, fiche, site_web="http://spam.example")
    assert response.status_code == 303
    assert not DailyHelpfulness.objects.exists() and not VoteReceipt.objects.exists()


def test_a_flood_of_votes_is_stopped(fiche, world, settings):
    settings.FEEDBACK_VOTE_RATE_LIMIT = "3/h"
    flood = Client()
    pages = [world.own_fiche, world.other_fiche, world.own_fiche]
    for page in pages:
        assert vote(flood, page).status_code == 303
    response = vote(flood, world.other_fiche, "non")
    assert response.status_code == 429
    assert "Réessayez dans une heure" in response.content.decode()
    assert counts(world.other_fiche) == (1, 0)


def test_votes_do_not_empty_the_page_cache(client, fiche):
    before = generation()
    vote(client, fiche)
    assert generation() == before


def test_the_thanks_page_takes_an_optional_reason_the_structure_sees(client, world, fiche):
    location = vote(client, fiche, "non")["Location"]
    token = parse_qs(urlsplit(location).query)["jeton"][0]
    response = client.post(location, {"jeton": token, "text": "Il manque le budget.", "site_web": ""})
    assert response.status_code == 200
    assert "vos précisions sont transmises" in response.content.decode()
    reason = FeedbackReason.objects.get()
    assert reason.page_id == fiche.pk and reason.helpful is False and reason.text == "Il manque le budget."

    # The owning structure's member sees the counts and the reason in the fiche's edit view.
    member = Client()
    member.force_login(world.users["membre"])
    html = member.get(reverse("wagtailadmin_pages:edit", args=(fiche.pk,))).content.decode()
    assert "Sur les 30 derniers jours : 0 oui, 1 non." in html
    assert "Il manque le budget." in html


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"text": ""}, 400, "Écrivez quelques mots"),
        ({"text": "<b>spam</b>"}, 400, "sans balises HTML"),
        ({"text": "x" * 1001}, 400, "1 000 caractères au plus"),
        ({"jeton": "faux"}, 404, "n’est plus valable"),
    ],
)
def test_a_bad_reason_is_refused_in_french(client, fiche, data, status, message):
    location = vote(client, fiche)["Location"]
    token = parse_qs(urlsplit(location).query)["jeton"][0]
    response = client.post(reverse("knowledge_feedback_thanks"), {"jeton": token, "text": "Bien.", **data})
    assert response.status_code == status
    assert message in response.content.decode()
    assert not FeedbackReason.objects.exists()


def test_an_unknown_or_forged_thanks_link_is_a_french_404(client):
    for query in ({}, {"jeton": "x" * 5000}, {"jeton": "abc:def"}):
        response = client.get(reverse("knowledge_feedback_thanks"), query)
        assert response.status_code == 404
        assert "n’est plus valable" in response.content.decode()


# Questions


def test_a_question_waits_for_moderation_and_the_fiche_stays_cacheable(client, fiche, settings):
    settings.PASSERELLES_PAGE_CACHE = True
    page_html = client.get(fiche.url).content.decode()
    assert f'href="{ask_url(fiche)}"' in page_html and "Poser une question" in page_html
    form = client.get(ask_url(fiche))
    assert form.status_code == 200 and "csrfmiddlewaretoken" in form.content.decode()

    before = generation()
    response = client.post(ask_url(fiche), question_data())
    assert response.status_code == 200
    assert "Merci, votre question est envoyée" in response.content.decode()
    question = Question.objects.get()
    assert question.page_id == fiche.pk and question.status == Question.Status.PENDING
    assert generation() == before  # nothing public changed: the cached fiche stays
    html = Client().get(fiche.url).content.decode()
    assert question.text not in html and "Aucune question publiée pour l’instant." in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Indiquez votre nom ou un pseudonyme."),
        ({"name": "x" * 81}, "80 caractères au plus"),
        ({"email": "pas-une-adresse"}, "Indiquez une adresse e-mail valide"),
        ({"text": ""}, "Écrivez votre question."),
        ({"text": "<a href='http://spam.example'>promo</a>"}, "sans balises HTML"),
        ({"text": "x" * 2001}, "2 000 caractères au plus"),
        ({"consent": ""}, "Cochez la case"),
    ],
)
def test_a_bad_question_is_refused_in_french_and_keeps_the_text(client, fiche, overrides, message):
    response = client.post(ask_url(fiche), question_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "Il y a un problème" in html
    assert not Question.objects.exists()


def test_a_robot_question_is_thanked_but_dropped_and_floods_are_stopped(fiche, settings):
    client = Client()
    response = client.post(ask_url(fiche), question_data(site_web="http://spam.example"))
    assert response.status_code == 200 and "Merci" in response.content.decode()
    assert not Question.objects.exists()

    settings.QUESTION_RATE_LIMIT = "3/h"
    flood = Client(REMOTE_ADDR="192.0.2.77")
    for number in range(3):
        assert flood.post(ask_url(fiche), question_data(email=f"r{number}@spam.example")).status_code == 200
    response = flood.post(ask_url(fiche), question_data(email="r9@spam.example", text="Encore une."))
    assert response.status_code == 429 and "Encore une." in response.content.decode()
    assert Question.objects.count() == 3


def test_the_same_address_cannot_ask_more_than_three_times_an_hour(fiche):
    for number in range(3):
        client = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        assert client.post(ask_url(fiche), question_data(text=f"Question {number}")).status_code == 200
    response = Client(REMOTE_ADDR="192.0.2.50").post(ask_url(fiche), question_data(text="Une de plus"))
    assert response.status_code == 429
    assert Question.objects.count() == 3


def admin_url(question, view):
    return reverse(f"wagtailsnippets_knowledge_question:{view}", args=(question.pk,))


def test_a_member_of_another_structure_never_sees_the_question(world):
    question = Question.objects.create(
        page=world.other_fiche, name="Yasmina K.", email="yasmina.k@example.org", text="Et les DEEE ?"
    )
    member = Client()
    member.force_login(world.users["membre"])
    listing = member.get(reverse("wagtailsnippets_knowledge_question:list"))
    assert listing.status_code == 200 and "Yasmina K." not in listing.content.decode()
    search = member.get(reverse("wagtailsnippets_knowledge_question:list"), {"q": "Yasmina"})
    assert "Yasmina K." not in search.content.decode()
    for view in ("inspect", "edit", "delete", "history", "usage"):
        response = member.get(admin_url(question, view))
        assert response.status_code in (403, 404), view
        assert "Yasmina" not in response.content.decode(), view
    chooser = member.get(reverse("wagtailsnippetchoosers_knowledge_question:choose"))
    assert "Yasmina" not in chooser.content.decode()
    posted = member.post(admin_url(question, "edit"), {"answer": "Pirate", "status": "publiee"})
    assert posted.status_code in (403, 404)
    question.refresh_from_db()
    assert question.answer == "" and question.status == Question.Status.PENDING

    moderator = Client()
    moderator.force_login(world.users["moderation"])
    assert "Yasmina K." in moderator.get(reverse("wagtailsnippets_knowledge_question:list")).content.decode()
    inspect = moderator.get(admin_url(question, "inspect"))
    assert inspect.status_code == 200 and "Et les DEEE ?" in inspect.content.decode()
    # The asker's address serves only to tell them: no admin view shows it.
    assert "yasmina.k@example.org" not in inspect.content.decode()
    assert "yasmina.k@example.org" not in moderator.get(admin_url(question, "edit")).content.decode()


def edit_data(question, **overrides):
    data = {
        "name": question.name,
        "text": question.text,
        "status": question.status,
        "answer": question.answer,
    }
    return {**data, **overrides}


def test_moderation_publishes_the_owner_answers_and_the_asker_is_mailed_once(client, world, fiche):
    client.post(ask_url(fiche), question_data())
    question = Question.objects.get()
    mail.outbox.clear()

    # The owning structure's member answers through the admin edit view; they cannot publish.
    member = Client()
    member.force_login(world.users["membre"])
    assert question.text in member.get(reverse("wagtailsnippets_knowledge_question:list")).content.decode()
    answer = "Deux vélos par jour, avec un formateur pour six stagiaires."
    response = member.post(admin_url(question, "edit"), edit_data(question, answer=answer, status="publiee"))
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert question.answer == answer
    assert question.answered_by == world.users["membre"] and question.answered_at
    assert question.status == Question.Status.PENDING  # the status field is the moderators'
    assert mail.outbox == []
    assert question.text not in Client().get(fiche.url).content.decode()

    # A moderator publishes: the question and its answer show, the asker gets one mail.
    moderator = Client()
    moderator.force_login(world.users["moderation"])
    before = generation()
    response = moderator.post(admin_url(question, "edit"), edit_data(question, status="publiee"))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED and question.published_at
    assert question.answered_by == world.users["membre"]  # the moderator did not touch the answer
    assert generation() != before
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ASKER_EMAIL]
    body = mail.outbox[0].body
    assert "Atelier Vélo Châtelet a répondu à votre question" in body and answer in body
    assert f"{fiche.url}#questions" in body

    html = Client().get(fiche.url).content.decode()
    assert question.text in html and answer in html
    assert "Question de Camille R." in html and "Réponse de la structure Atelier Vélo Châtelet" in html
    assert ASKER_EMAIL not in html and "@" not in html.split('id="questions"', 1)[1].split("</section>", 1)[0]

    # Saving again mails nobody twice.
    moderator.post(admin_url(question, "edit"), edit_data(question, answer=answer + " Bonne chance !"))
    assert len(mail.outbox) == 1


def test_a_published_question_is_shown_escaped_in_every_language_of_the_fiche(client, fiche):
    published_question(fiche, text="Et <script>alert(1)</script> ?", answer="Oui.")
    html = client.get(fiche.url).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_the_fiche_with_questions_keeps_its_query_count(client, world, fiche):
    def measure():
        cache.clear()
        client.get(fiche.url)
        response, queries = count_queries(client, fiche.url)
        assert response.status_code == 200
        return queries

    few = measure()
    for number in range(8):
        published_question(fiche, name=f"Lecteur {number}", answer=f"Réponse {number}")
    many = measure()
    assert many == few
    assert "Lecteur 7" in client.get(fiche.url).content.decode()


def test_a_question_asked_on_the_dutch_fiche_belongs_to_the_french_original(client, fiche):
    dutch = Locale.objects.create(language_code="nl")
    translated = fiche.copy_for_translation(dutch, copy_parents=True)
    translated.save_revision().publish()
    translated.refresh_from_db()
    response = client.post(ask_url(translated), question_data())
    assert response.status_code == 200
    question = Question.objects.get()
    assert question.page_id == fiche.pk and question.language == "nl"
    question.status = Question.Status.PUBLISHED
    question.save()
    # Every language shows the same questions.
    assert "Camille R." in client.get(fiche.url).content.decode()
    assert "Camille R." in client.get(translated.url).content.decode()
    # The vote on the Dutch page counts for the French original.
    assert vote(client, translated).status_code == 303
    assert counts(fiche) == (1, 0)


@pytest.mark.html
def test_the_fiche_with_questions_the_thanks_and_question_pages_are_valid_html(client, fiche):
    published_question(fiche, answer="Deux vélos par jour.\n\nEt un formateur.")
    pages = [client.get(fiche.url), client.get(ask_url(fiche)), client.post(ask_url(fiche), {"name": ""})]
    location = vote(client, fiche)["Location"]
    pages += [client.get(location), client.post(location, {"text": ""})]
    for response in pages:
        assert response.status_code in (200, 400)
        assert html_errors(response.content.decode()) == [], response.request["PATH_INFO"]
