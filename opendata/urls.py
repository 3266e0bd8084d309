"""The API (/api/v1/…), its OpenAPI schema, the exports and the developers' page.

Included in the project's language patterns: French without prefix, /nl/, /de/, /en/ otherwise.
"""

from django.urls import path
from django.utils.translation import pgettext_lazy
from drf_spectacular.views import SpectacularAPIView

from . import api, exports, serializers, views
from .resources import RESOURCES

SERIALIZERS = {
    "fiches": serializers.KnowledgeSerializer,
    "structures": serializers.OrganisationSerializer,
    "compagnons": serializers.PersonSerializer,
    "evenements": serializers.EventSerializer,
    "offres": serializers.OfferSerializer,
}

urlpatterns = [
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="opendata_schema"),
    path(pgettext_lazy("url", "donnees-ouvertes/"), views.developers, name="opendata_developers"),
]
for resource in RESOURCES:
    urlpatterns += [
        path(
            f"api/v1/{resource.name}/",
            api.list_view(resource, SERIALIZERS[resource.name]),
            name=f"opendata_api_{resource.name}",
        ),
        path(
            f"api/v1/{resource.name}/<int:pk>/",
            api.detail_view(resource, SERIALIZERS[resource.name]),
            name=f"opendata_api_{resource.name}_detail",
        ),
        path(
            f"export/{resource.name}.<str:extension>",
            exports.export,
            {"resource": resource},
            name=f"opendata_export_{resource.name}",
        ),
    ]
