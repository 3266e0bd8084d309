"""The site's own searchable pages: standard pages (the home page is a hub, not a result)."""

from django.utils.translation import gettext_lazy as _

from search.registry import PageSource, register

from .models import StandardPage


@register
class StandardPageSource(PageSource):
    model = StandardPage
    type_key = "page"
    label = _("Page")
