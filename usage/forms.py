"""The report's filters: a month (AAAA-MM) and, for those who see several, a zone."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelles.vocabularies.models import Zone

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def current_month():
    return timezone.localdate().strftime("%Y-%m")


def month_bounds(value):
    """The first day of the month `value` (AAAA-MM) and of the next one."""
    year, month = (int(part) for part in MONTH.match(value).groups())
    start = datetime.date(year, month, 1)
    return start, (start + datetime.timedelta(days=32)).replace(day=1)


class UsageFilterForm(forms.Form):
    mois = forms.CharField(
        label=_("Mois"),
        required=False,
        max_length=7,
        help_text=_("Au format AAAA-MM, par exemple 2025-03."),
        error_messages={"max_length": _("Mois invalide : utilisez le format AAAA-MM, par exemple 2025-03.")},
    )
    zone = forms.ModelChoiceField(
        label=_("Zone"),
        queryset=Zone.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Toutes mes zones"),
        error_messages={"invalid_choice": _("Zone inconnue ou hors de votre périmètre.")},
    )

    def __init__(self, data, scope):
        super().__init__(data)
        self.scope = scope
        zones = Zone.objects.canonical().order_by("name")
        if scope.everything:
            self.fields["zone"].queryset = zones
            self.fields["zone"].empty_label = _("Toutes les zones")
        elif scope.zone_ids:
            self.fields["zone"].queryset = zones.filter(pk__in=scope.zone_ids)
        else:
            del self.fields["zone"]  # a member sees their structure only

    def clean_mois(self):
        value = (self.cleaned_data.get("mois") or "").strip() or current_month()
        match = MONTH.match(value)
        if not match or not (2000 <= int(match[1]) <= 2100 and 1 <= int(match[2]) <= 12):
            raise forms.ValidationError(_("Mois invalide : utilisez le format AAAA-MM, par exemple 2025-03."))
        return value
