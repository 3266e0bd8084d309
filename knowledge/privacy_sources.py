"""Personal data of the knowledge base: readers' questions (votes and "Pourquoi ?" are anonymous).

A question's author gives a name or pseudonym (published with it) and an e-mail address (only to
tell them about the answer). After the retention period, or on request, both are anonymised; a
published question stays under the fiche without its author, an unpublished one loses its text."""

from passerelles import publication
from passerelles.privacy import ANONYMISED_NAME, PersonalDataSource, register

from .feedback.models import Question


def drop_unpublished_texts(pks):
    Question.objects.filter(pk__in=pks).exclude(status=Question.Status.PUBLISHED).update(text="")
    publication.bump()  # published questions now show the anonymised name


register(
    PersonalDataSource(
        model=Question,
        email_field="email",
        export_fields=["name", "email", "page", "text", "status", "created_at", "answer"],
        date_field="created_at",
        anonymised_values={"name": ANONYMISED_NAME},
        after_anonymise=drop_unpublished_texts,
    )
)
