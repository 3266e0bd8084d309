from django.apps import AppConfig


class PasserellesConfig(AppConfig):
    name = "passerelles"
    label = "passerelles"
    verbose_name = "Passerelles"
    default_auto_field = "django.db.models.BigAutoField"
