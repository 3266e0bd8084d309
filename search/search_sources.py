"""The site's own searchable pages: standard pages (the home page is a hub, not a result)."""

from django.utils.translation import gettext_lazy as _

from passerelles.models import StandardPage

from .registry import PageSource, register


@register
class StandardPageSource(PageSource):
    model = StandardPage
    type_key = "page"
    label = _("Page")
