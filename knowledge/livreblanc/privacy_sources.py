"""Personal data of the white-paper consultation: contributions (supports are anonymous hashes).

Retention does not apply: a published contribution is part of the consultation's public record.
Erasure on request removes the author's name, organisation and address; an unpublished text is
removed too, a published one stays without its author.
"""

from passerelles.privacy import ANONYMISED_NAME, PersonalDataSource, register

from .models.consultation import Contribution


def drop_unpublished_texts(pks):
    Contribution.objects.filter(pk__in=pks).exclude(status=Contribution.Status.APPROVED).update(text="")


register(
    PersonalDataSource(
        model=Contribution,
        email_field="email",
        export_fields=["name", "organisation", "email", "recommendation", "text", "status", "created_at"],
        anonymised_values={"name": ANONYMISED_NAME, "organisation": ""},
        after_anonymise=drop_unpublished_texts,
    )
)
