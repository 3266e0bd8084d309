"""Knowledge content shown on other pages: the practices an organisation runs."""

from django import template

from ..models import BonnePratiquePage

register = template.Library()


@register.simple_tag
def practices_run_by(organisation, limit=6):
    """Live practices that name `organisation` among the structures that run them (one query)."""
    return list(
        BonnePratiquePage.objects.live()
        .filter(practice_organisations__organisation=organisation)
        .distinct()
        .order_by("title")[:limit]
    )
