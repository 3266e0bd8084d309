from django.apps import AppConfig


class PasserellesConfig(AppConfig):
    name = "passerelles"
    label = "passerelles"
    verbose_name = "Passerelles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # Each app declares its personal data in `<app>/privacy_sources.py`.
        autodiscover_modules("privacy_sources")

        # The cached sitemap is rendered again after any change to the published pages.
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .sitemaps import invalidate

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(invalidate, dispatch_uid=f"sitemap-{id(signal)}")
        post_delete.connect(invalidate, sender=Page, dispatch_uid="sitemap-page-deleted")
