from django.apps import AppConfig


class PasserellesConfig(AppConfig):
    name = "passerelles"
    label = "passerelles"
    verbose_name = "Passerelles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from . import fragments, publication

        publication.connect()
        fragments.remember_wagtail_active_locale()

        # Each app declares its personal data in `<app>/privacy_sources.py`.
        autodiscover_modules("privacy_sources")
