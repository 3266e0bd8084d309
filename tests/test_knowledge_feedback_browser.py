"""Real Chromium, JavaScript off: vote "Oui" under a fiche, say why, ask a question; the fiche with
its feedback and published questions, the thanks page and the question form pass axe, at 320 px too."""

import pytest

from knowledge.feedback.models import DailyHelpfulness, FeedbackReason, Question
from knowledge.models import FicheActionPage
from tests.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def owned_fiche():
    return (
        FicheActionPage.objects.live()
        .filter(locale__language_code="fr", organisation__isnull=False)
        .order_by("pk")
        .first()
    )


def answered_question(fiche):
    return Question.objects.create(
        page=fiche,
        name="Camille R.",
        email="camille.r@example.org",
        text="Combien de stagiaires par groupe ?",
        status=Question.Status.PUBLISHED,
        answer="Six stagiaires, avec un formateur.",
    )


def test_vote_say_why_and_ask_without_javascript(browser, site_server, demo_content, artifacts_dir):
    fiche = owned_fiche()
    answered_question(fiche)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + fiche.url)
    questions = page.get_by_role("region", name="Questions des lecteurs")
    assert "Six stagiaires, avec un formateur." in questions.inner_text()
    assert "camille.r@example.org" not in page.content()
    page.screenshot(path=str(artifacts_dir / "knowledge-feedback-fiche.png"), full_page=True)

    page.get_by_role("region", name="Cette fiche vous a-t-elle été utile ?").get_by_role(
        "button", name="Oui"
    ).click()
    assert page.locator("h1").inner_text() == "Merci pour votre avis"
    assert "est compté" in page.locator("[role=status]").first.inner_text()
    page.get_by_label("Pourquoi ?").fill("Les étapes sont claires.")
    page.get_by_role("button", name="Envoyer").click()
    assert "vos précisions sont transmises" in page.content()
    assert DailyHelpfulness.objects.get(page=fiche).yes == 1
    assert FeedbackReason.objects.get(page=fiche).text == "Les étapes sont claires."

    page.goto(site_server.url + fiche.url)
    page.get_by_role("link", name="Poser une question").click()
    assert page.locator("h1").inner_text() == "Poser une question"
    page.get_by_role("button", name="Envoyer ma question").click()  # empty: the errors first
    assert "Il y a un problème" in page.content()
    page.get_by_label("Votre nom ou un pseudonyme").fill("Jonas")
    page.get_by_label("Votre adresse e-mail").fill("jonas@example.org")
    page.get_by_label("Votre question").fill("Où trouver les pièces ?")
    page.get_by_label("J’accepte que ma question").check()
    page.get_by_role("button", name="Envoyer ma question").click()
    assert page.locator("h1").inner_text() == "Merci, votre question est envoyée"
    assert Question.objects.filter(page=fiche, name="Jonas", status=Question.Status.PENDING).exists()
    context.close()


def test_fiche_with_feedback_and_questions_thanks_and_question_pages_have_no_axe_violation(
    page, site_server, demo_content
):
    fiche = owned_fiche()
    answered_question(fiche)
    page.goto(site_server.url + fiche.url)
    assert page.get_by_role("region", name="Questions des lecteurs").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Non").click()
    assert page.locator("h1").inner_text() == "Merci pour votre avis"
    assert axe_violations(page) == []
    page.get_by_role("button", name="Envoyer").click()  # empty "Pourquoi ?": the error summary
    assert "Il y a un problème" in page.content()
    assert axe_violations(page) == []
    page.goto(site_server.url + fiche.url + "question/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Envoyer ma question").click()
    assert "Il y a un problème" in page.content()
    assert axe_violations(page) == []


def test_the_feedback_blocks_fit_320_px(page, site_server, demo_content):
    fiche = FicheActionPage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    Question.objects.create(
        page=fiche,
        name="Un-pseudonyme-très-long-sans-espace-aucun",
        email="x@example.org",
        text="Une question " + "très" * 40,
        status=Question.Status.PUBLISHED,
    )
    page.set_viewport_size({"width": 320, "height": 640})
    for path in [fiche.url, fiche.url + "question/"]:
        page.goto(site_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} déborde horizontalement ({width}px)"
