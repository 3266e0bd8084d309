"""The empty files coordinators start from: the right headers and one example line."""

import tablib
from django.http import HttpResponse


def template_dataset(importer_class):
    dataset = tablib.Dataset(headers=[column.header for column in importer_class.columns])
    dataset.append([column.example for column in importer_class.columns])
    return dataset


def template_response(importer_class, extension):
    dataset = template_dataset(importer_class)
    name = f"modele-import-{importer_class.kind}.{extension}"
    if extension == "xlsx":
        response = HttpResponse(
            dataset.export("xlsx"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        # A byte-order mark and ";": Excel in Belgium then opens it with the accents and columns right.
        response = HttpResponse(
            "\ufeff" + dataset.export("csv", delimiter=";"), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
