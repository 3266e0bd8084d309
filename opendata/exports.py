"""CSV and JSON downloads of a listing with its current filters (every page at once).

The same rows as the API, under the same licence; the CSV flattens each list of terms into its
labels separated by " ; " and opens in a spreadsheet (UTF-8 with BOM, comma separated).
"""

import csv
import datetime
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .licence import ATTRIBUTION, LICENCE_NAME, LICENCE_URL
from .resources import Refused

# A download holds every item of the filtered listing, up to this many (far above the network's size).
MAX_ROWS = 10_000
EXTENSIONS = ("csv", "json")


def flat(value):
    if isinstance(value, list):
        return " ; ".join(flat(part) for part in value)
    if isinstance(value, dict):
        return str(value.get("label", ""))
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


@require_GET
def export(request, resource, extension):
    if extension not in EXTENSIONS:
        raise Http404(_("Ce format d’export n’existe pas : choisissez CSV ou JSON."))
    try:
        listed = resource.find(request.GET)
    except Refused as refused:
        response = JsonResponse(
            {"detail": _("Paramètres refusés."), "erreurs": refused.messages},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
        return response
    rows = resource.rows(list(listed.items[:MAX_ROWS]), request)
    filename = f"passerelles-{resource.name}-{datetime.date.today().isoformat()}.{extension}"
    if extension == "json":
        body = json.dumps(
            {
                "licence": LICENCE_NAME,
                "licence_url": LICENCE_URL,
                "attribution": str(ATTRIBUTION),
                "count": len(rows),
                "results": rows,
            },
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            indent=1,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        out = io.StringIO()
        out.write("\ufeff")  # spreadsheets read the UTF-8 accents right with the BOM
        fields = list(rows[0]) if rows else []
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: flat(value) for key, value in row.items()})
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response
