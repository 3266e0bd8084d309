"""The imports' admin URLs and menu item (registered by network/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from . import views
from .permissions import can_use_imports


def urls():
    return [
        path("imports/", views.index, name="network_imports"),
        path("imports/<str:kind>/envoyer/", views.upload, name="network_imports_upload"),
        path(
            "imports/<str:kind>/modele.<str:extension>", views.template_file, name="network_imports_template"
        ),
        path("imports/<int:pk>/apercu/", views.preview, name="network_imports_preview"),
        path("imports/<int:pk>/annuler/", views.undo_view, name="network_imports_undo"),
    ]


class ImportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_imports(request.user)


def menu_item():
    return ImportsMenuItem(
        _("Imports (tableur)"), reverse("network_imports"), name="imports", icon_name="upload", order=250
    )
