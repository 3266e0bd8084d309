"""Template tags to show compagnons on other pages (a practice page: "rencontrer une structure")."""

from django import template

from network.spoken_languages import spoken_languages_html
from passerelles.fragments import active_locale
from passerelles.localized import original_of
from passerelles.vocabularies.models import Zone

from ..models import DirectoryPage
from ..suggestions import compagnons_who_can_show

register = template.Library()


@register.inclusion_tag("network/includes/compagnons_for_practice.html", takes_context=True)
def compagnons_for_practice(context, practice_page, zone=None):
    """`{% compagnons_for_practice page %}`, or with a zone (Zone or slug) to sort nearest first."""
    request = context.get("request")
    asked = (request.GET.get("zone", "") if request is not None and zone is None else "")[:100]
    zones = sorted(Zone.objects.canonical(), key=lambda item: item.label)
    chosen = next((item for item in zones if item.slug == asked), None) if asked else None
    # People are linked to the French original of a practice: its translations show them too.
    people = compagnons_who_can_show(original_of(practice_page), zone=zone or chosen)
    # The directory in the visitor's language, also under a practice shown in French.
    directory = DirectoryPage.objects.live().filter(locale_id=active_locale().pk).first()
    if directory is None:
        directory = DirectoryPage.objects.live().first()
    if directory is not None:
        directory.attach_profile_urls(people, request)
    else:
        people = []
    return {
        "people": people,
        "practice": practice_page,
        "request": request,
        "zones": zones,
        "chosen_zone": chosen,
        "unknown_zone": bool(asked) and chosen is None,
    }


@register.simple_tag(takes_context=True)
def without_filter(context, parameter, slug):
    """The current query string without one filter value (and back to the first page)."""
    query = context["request"].GET.copy()
    query.setlist(parameter, [value for value in query.getlist(parameter) if value != slug])
    query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def spoken_languages(text):
    """ "français, néerlandais" → "Frans, Nederlands" on a Dutch page."""
    return spoken_languages_html(text)
