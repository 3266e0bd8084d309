"""Events in the public search, dated by their start."""

from django.utils.translation import gettext_lazy as _

from search.registry import PageSource, register

from .models import EventPage


@register
class EventSource(PageSource):
    model = EventPage
    type_key = "evenement"
    label = _("Événement")
    vocabularies = {"sectors": "sectors", "publics": "publics", "zones": "zones"}
    text_fields = ("introduction", "body", "venue", "organiser", "report")

    def date(self, page):
        return page.start
