"""The developers' page: what the API and the exports publish, how to query them, the licence."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .licence import ATTRIBUTION, LICENCE_NAME, LICENCE_URL
from .resources import RESOURCES


def developers(request):
    endpoints = [
        {
            "title": resource.title,
            "api": reverse(f"opendata_api_{resource.name}"),
            "csv": reverse(f"opendata_export_{resource.name}", kwargs={"extension": "csv"}),
            "json": reverse(f"opendata_export_{resource.name}", kwargs={"extension": "json"}),
            "parameters": resource.parameters,
        }
        for resource in RESOURCES
    ]
    return TemplateResponse(
        request,
        "opendata/developers.html",
        {
            "seo_title": _("Données ouvertes : API et exports"),
            "endpoints": endpoints,
            "schema_url": reverse("opendata_schema"),
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "attribution": ATTRIBUTION,
        },
    )
