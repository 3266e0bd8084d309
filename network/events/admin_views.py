"""Admin: the registrants of an event as CSV, for the coordinators who may edit the event."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import EventPage
from .models.registration import RegistrationStatus

COLUMNS = ["name", "organisation", "email", "status", "created_at"]


def registrations_csv(request, pk):
    event = get_object_or_404(EventPage, pk=pk)
    if not event.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inscriptions-{event.slug}.csv"'
    response.write("\ufeff")  # spreadsheet software then reads the accents right
    writer = csv.writer(response, delimiter=";")
    # A recurring event's registrations are per date: the date first, sorted by it.
    dated = bool(event.recurrence)
    header = [_("Nom"), _("Structure"), _("Adresse e-mail"), _("Statut"), _("Inscrit le")]
    writer.writerow([_("Date"), *header] if dated else header)
    by_date = (lambda r: (r.occurrence_start, *_listing_order(r))) if dated else _listing_order
    for registration in sorted(event.registrations.all(), key=by_date):
        session = [registration.occurrence_start.astimezone().strftime("%Y-%m-%d %H:%M")] if dated else []
        writer.writerow(
            session
            + [
                _safe(registration.name),
                _safe(registration.organisation),
                _safe(registration.email),
                registration.get_status_display(),
                registration.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


def _listing_order(registration):
    """Confirmed people first, then the waiting list in its order, then cancellations."""
    rank = {RegistrationStatus.CONFIRMED: 0, RegistrationStatus.WAITING: 1}.get(registration.status, 2)
    return rank, registration.created_at, registration.pk


def _safe(value):
    """Neutralises spreadsheet formulas typed into the public form (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
