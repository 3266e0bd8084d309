"""`{% upcoming_events 3 %}`: the next occurrences of the whole agenda, for the home page;
`weeks|month_has_events` for the month view."""

from django import template

from passerelles.fragments import default_locale, remembered

from ..listing import in_visitor_language_occurrences, upcoming_occurrences
from ..models import AgendaPage, EventPage
from ..series import group_series

register = template.Library()


@register.inclusion_tag("events/_upcoming_panel.html", takes_context=True)
def upcoming_events(context, count=3):
    # The French events (every event has one), each shown in the visitor's language when it is
    # translated: the same next dates in every language, none twice.
    events = EventPage.objects.live().filter(locale=default_locale())
    page = context.get("page")
    occurrences = group_series(upcoming_occurrences(events))[: max(int(count), 0)]
    return {
        "request": context.get("request"),
        "occurrences": in_visitor_language_occurrences(occurrences),
        "agenda": remembered("agenda-page", getattr(page, "locale_id", None), build=lambda: agenda_of(page)),
    }


def agenda_of(page):
    """The agenda in the page's language (any agenda without a page). Read once per publication:
    found through the page tree's order, it reads every page before it at 10,000 pages."""
    agendas = AgendaPage.objects.live()
    return agendas.filter(locale_id=page.locale_id).first() if page is not None else agendas.first()


@register.filter
def month_has_events(weeks):
    """True when a day of the month grid's month (not the days around it) has an event."""
    return any(day["occurrences"] for week in weeks for day in week if day["in_month"])
