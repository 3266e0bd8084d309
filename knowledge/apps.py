from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Savoirs : fiches, pratiques, livre blanc")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models are importable only once the app registry is ready, hence the imports here.
        from network.admin_forms import register_practice_pages

        from .models import KnowledgeItemPage

        # A compagnon's admin form offers fiches and practices as what they can show.
        register_practice_pages(KnowledgeItemPage)

        # A fiche's PDF is built when it is published (models ready: imports here).
        from wagtail.signals import page_published

        from .pdf_files import enqueue_on_publish

        def build_pdf_on_publish(sender, instance, **kwargs):
            if isinstance(instance, KnowledgeItemPage):
                enqueue_on_publish(instance)

        page_published.connect(build_pdf_on_publish, dispatch_uid="knowledge-pdf-on-publish", weak=False)
