"""Admin of the readers' questions: moderators publish or refuse, the owning structure answers.

A question is about a structure's fiche: members see and answer only their own structures'
questions, in every admin view (the personal-data policy); moderators see them all. The asker's
e-mail address shows in no admin view: it only serves to tell them about the answer."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.ownership import is_restricted_to_own_organisation, organisation_ids_of
from passerelles.personal_data_admin import PersonalDataViewSetMixin, personal_data_policy

from .forms import QuestionAdminForm
from .models import Question
from .notify import notify_asker_if_due


def own_structures_questions(user, questions):
    """Members see the questions about their own structures' fiches; moderators see all."""
    if is_restricted_to_own_organisation(user):
        return questions.filter(page__organisation_id__in=organisation_ids_of(user))
    return questions


personal_data_policy(Question, own_structures_questions)


class QuestionViewSet(PersonalDataViewSetMixin, SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions des lecteurs")
    menu_order = 255
    add_to_admin_menu = True
    list_display = ["name", "page", "status", "created_at", "answered_at"]
    list_filter = ["status"]
    search_fields = ["name", "text", "answer"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "name",
        "text",
        "status",
        "created_at",
        "published_at",
        "answer",
        "answered_by",
        "answered_at",
        "asker_notified_at",
    ]
    # The form records who answered (QuestionAdminForm.save): the edit view must use it.
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("page", read_only=True), FieldPanel("name"), FieldPanel("text")],
                heading=_("La question"),
            ),
            FieldPanel("status"),
            FieldPanel("answer"),
        ],
        base_form_class=QuestionAdminForm,
    )

    def get_base_queryset(self, request):
        return Question.objects.select_related("page")


register_snippet(QuestionViewSet)


@hooks.register("after_edit_snippet")
def tell_the_asker(request, instance):
    """Published with its answer: the asker gets one e-mail (through the outbox)."""
    if isinstance(instance, Question):
        notify_asker_if_due(instance)
