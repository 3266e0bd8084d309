"""The read-only public API (Django REST Framework, schema by drf-spectacular).

One list and one detail view per resource. Language: the URL prefix (`/nl/api/v1/…`) or
`?locale=nl`. Every refusal is French: unknown filter values, bad numbers and unknown locales
give 400, a page past the last or an unknown id 404.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from . import resources, serializers
from .licence import LICENCE_NAME, LICENCE_URL
from .paging import PageMissing, page_of

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def refusal(status, detail, messages=()):
    return Response({"detail": detail, "erreurs": list(messages)}, status=status)


def requested_language(request):
    """The translation override of `?locale=` (the URL's language when absent)."""
    locale = request.GET.get("locale", "").strip()
    if locale and locale not in LANGUAGES:
        raise resources.Refused(
            [_("Langue inconnue : utilisez %(codes)s.") % {"codes": ", ".join(LANGUAGES)}]
        )
    return translation.override(locale or translation.get_language())


def common_parameters(resource):
    return [
        OpenApiParameter("page", OpenApiTypes.INT, description="Numéro de page (1 par défaut)."),
        OpenApiParameter(
            "par_page",
            OpenApiTypes.INT,
            description=f"Éléments par page ({resource.per_page} par défaut, 100 au plus).",
        ),
        OpenApiParameter("locale", OpenApiTypes.STR, enum=LANGUAGES, description="Langue des contenus."),
    ] + [
        OpenApiParameter(
            name,
            OpenApiTypes.STR,
            many=True,
            description="Filtre de la liste du site (plusieurs valeurs : OU ; plusieurs filtres : ET).",
        )
        for name in resource.parameters
    ]


def list_view(resource, item_serializer):
    envelope = serializers.page_serializer(item_serializer)

    class ResourceList(APIView):
        @extend_schema(
            operation_id=f"{resource.name}_list",
            summary=str(resource.title),
            parameters=common_parameters(resource),
            responses={200: envelope, 400: serializers.ErrorSerializer, 404: serializers.ErrorSerializer},
            tags=[resource.name],
        )
        def get(self, request):
            try:
                with requested_language(request):
                    listed = resource.find(request.GET)
                    page, _size = page_of(listed.items, request.GET, resource.per_page)
                    rows = resource.rows(page.object_list, request)
            except resources.Refused as refused:
                return refusal(400, _("Paramètres refusés."), refused.messages)
            except PageMissing as missing:
                return refusal(404, str(missing))
            return Response(
                envelope(
                    {
                        "count": page.paginator.count,
                        "page": page.number,
                        "pages": page.paginator.num_pages,
                        "next": link(request, page.next_page_number()) if page.has_next() else None,
                        "previous": link(request, page.previous_page_number())
                        if page.has_previous()
                        else None,
                        "licence": f"{LICENCE_NAME} {LICENCE_URL}",
                        "results": rows,
                    }
                ).data
            )

    ResourceList.__name__ = f"{resource.name.title()}List"
    return ResourceList.as_view()


def detail_view(resource, item_serializer):
    class ResourceDetail(APIView):
        @extend_schema(
            operation_id=f"{resource.name}_detail",
            parameters=[OpenApiParameter("locale", OpenApiTypes.STR, enum=LANGUAGES)],
            responses={200: item_serializer, 404: serializers.ErrorSerializer},
            tags=[resource.name],
        )
        def get(self, request, pk):
            try:
                with requested_language(request):
                    item = resource.one(pk)
                    row = resource.rows([item], request)[0] if item is not None else None
            except resources.Refused as refused:
                return refusal(400, _("Paramètres refusés."), refused.messages)
            if row is None:
                return refusal(404, _("Aucun élément public ne porte cet identifiant."))
            return Response(item_serializer(row).data)

    ResourceDetail.__name__ = f"{resource.name.title()}Detail"
    return ResourceDetail.as_view()


def link(request, number):
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(request.path + "?" + query.urlencode())
