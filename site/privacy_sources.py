"""Personal data of accounts: exported on request; an administrator deletes the account itself."""

from django.contrib.auth import get_user_model

from .privacy import PersonalDataSource, register

register(
    PersonalDataSource(
        model=get_user_model(),
        email_field="email",
        export_fields=["username", "first_name", "last_name", "email", "date_joined", "last_login"],
        erasable=False,
    )
)
