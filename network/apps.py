from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Réseau : structures, compagnons, événements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Before any admin view asks for it: members see only their structures' pages.
        # (Imported here, once the models are loaded: the policy module uses them.)
        from wagtail.models import AbstractPage, Page
        from wagtail.permissions import register_permission_policy

        from .ownership import OwnershipPagePermissionPolicy

        register_permission_policy(AbstractPage, OwnershipPagePermissionPolicy(Page))

        # Compagnon profiles join the sitemap (and refresh it when a compagnon changes).
        from . import sitemaps  # noqa: F401
