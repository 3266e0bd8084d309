"""Questions under a fiche: the form on the fiche's own sub-page `question/` (it carries a CSRF
token, so the fiche itself stays cacheable), and the published questions shown under the fiche.

Questions belong to the French original: every language shows the same questions and answers."""

from django.utils import translation
from django.utils.translation import gettext as _

from passerelles.abuse import screen_post, setting
from passerelles.fragments import remembered
from passerelles.localized import original_of

from .forms import QuestionForm
from .models import Question

RATE_GROUP = "knowledge:question"
TEMPLATE = "knowledge/feedback/question.html"


def published_questions(page):
    """The published questions of the page, oldest first, as plain values: one query, remembered
    until the next publication (publishing or answering a question bumps it)."""
    original = original_of(page)
    if original.pk is None:  # the preview of a page not saved yet
        return []

    def build():
        questions = (
            Question.objects.filter(page=original, status=Question.Status.PUBLISHED)
            .select_related("page__organisation")
            .order_by("published_at", "pk")
        )
        return [
            {
                "pk": question.pk,
                "name": question.name,
                "text": question.text,
                "language": question.language,
                "published_at": question.published_at,
                "answer": question.answer,
                "answered_at": question.answered_at,
                "organisation": question.page.organisation.title if question.page.organisation_id else "",
            }
            for question in questions
        ]

    return remembered("published-questions", original.pk, build=build)


def ask(page, request):
    """GET shows the form; POST checks the limits, then keeps the question for moderation."""
    form = QuestionForm()
    status = 200
    context = {"form": form, "seo_title": _("Poser une question sur « %(title)s »") % {"title": page.title}}
    if request.method == "POST":
        original = original_of(page)
        form = QuestionForm(request.POST)
        context["form"] = form
        status = screen_post(
            request,
            form,
            RATE_GROUP,
            ip_rate=setting("QUESTION_RATE_LIMIT", "10/h"),
            target=original.pk,
            email_rate=setting("QUESTION_EMAIL_RATE_LIMIT", "3/h"),
        )
        context["rate_limited"] = status == 429
        if status == 200:
            if not form.is_spam():  # a robot is thanked like a person; nothing is kept
                question = form.save(commit=False)
                question.page = original
                question.language = translation.get_language() or "fr"
                question.save()
            context["sent"] = True
    response = page.render(request, template=TEMPLATE, context_overrides=context)
    response.status_code = status
    return response
