"""`{% upcoming_events 3 %}`: the next occurrences of the whole agenda, for the home page."""

from django import template

from ..listing import upcoming_occurrences
from ..models import AgendaPage, EventPage

register = template.Library()


@register.inclusion_tag("events/_upcoming_panel.html", takes_context=True)
def upcoming_events(context, count=3):
    events = EventPage.objects.live()
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        events = events.filter(locale_id=page.locale_id)
    return {
        "request": context.get("request"),
        "occurrences": upcoming_occurrences(events)[: max(int(count), 0)],
        "agenda": AgendaPage.objects.live().filter(locale_id=getattr(page, "locale_id", None)).first()
        if page is not None
        else AgendaPage.objects.live().first(),
    }
