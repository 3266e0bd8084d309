"""Template tags of the site frame: language switcher and hreflang, navigation links."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.timezone import is_aware, localtime
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from passerelles.formats.weekdays import WEEKDAY_DATE, WEEKDAY_DATETIME, WEEKDAY_DAY, format_for
from passerelles.fragments import active_locale, remembered, remembered_query
from passerelles.language_fallback import SHOWN_IN_ORIGINAL, language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language that keeps the visitor on the same content: the page's live
    translation, else its French original under that language's address (`language_fallback`).

    Works on Wagtail pages (a RoutablePage's sub-route, e.g. a compagnon profile, included) and on
    plain views (search): there the URL is translated by Django. Returns dicts with code, name,
    url, current and `translated` (a real translation exists: the hreflang alternates). A page's
    versions are remembered until the next publication.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    if isinstance(page, Page) and page.pk:
        versions = remembered(
            "languages",
            page.pk,
            request.get_host() if request else "",
            request.path if request else "",
            build=lambda: language_versions(page, request),
        )
        return [
            {
                "code": code,
                "name": name,
                "url": versions[code][0],
                "current": code == current,
                "translated": versions[code][1],
            }
            for code, name in settings.LANGUAGES
        ]
    path = request.path if request else "/"
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
            "translated": True,
        }
        for code, name in settings.LANGUAGES
    ]


def _localized(page):
    """`page` in the active language when a live translation exists, else `page` itself."""
    try:
        active = active_locale()
    except Locale.DoesNotExist:
        return page
    if page.locale_id == active.pk:
        return page
    translation = page.get_translation_or_none(active)
    return translation if translation is not None and translation.live else page


@register.simple_tag(takes_context=True)
def resolve_link(context, link):
    """URL and label of a LinkBlock value. A page link follows the active language: its URL and,
    outside the source language, its title are the translation's when there is one."""
    page = link.get("page")
    if not page:
        return {"url": link.get("url") or "", "label": link.get("label", ""), "page": None}
    target = _localized(page)
    label = link.get("label") if target.pk == page.pk else target.title
    return {"url": target.get_url(context.get("request")) or "", "label": label, "page": target}


def _link_data(link):
    """What the frame needs of a resolved link (plain values: they are cached)."""
    return {
        "url": link["url"],
        "label": str(link["label"] or ""),
        "path": link["page"].path if link["page"] else "",
    }


@register.simple_tag(takes_context=True)
def navigation_links(context):
    """The main menu in the active language: [{url, label, path}], remembered until a publication."""
    from passerelles.models import NavigationSettings  # the models registry is ready at render time

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []

    def build():
        menu = NavigationSettings.for_site(site).primary
        return [_link_data(resolve_link(context, block.value)) for block in menu]

    return remembered("navigation", site.pk, translation.get_language(), build=build)


@register.simple_tag(takes_context=True)
def footer_content(context):
    """The footer in the active language (rich text rendered, links resolved), remembered."""
    from passerelles.models import FooterSettings  # the models registry is ready at render time

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}

    def build():
        footer = FooterSettings.for_site(site)
        return {
            "about": richtext(footer.about) if footer.about else "",
            "links": [_link_data(resolve_link(context, block.value)) for block in footer.links],
            "contact_address": footer.contact_address,
            "contact_phone": footer.contact_phone,
        }

    return remembered("footer", site.pk, translation.get_language(), build=build)


@register.simple_tag
def untranslated_lang():
    """`lang="fr"` for text the editors write once, in French, when the page is in another language
    (WCAG 3.1.2, language of parts); nothing on French pages."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.filter
def is_active_section(page, link_page):
    """True when `page` is `link_page` (or its tree path) or one of its descendants (the menu
    marks the section)."""
    link_path = getattr(link_page, "path", link_page)
    if not page or not link_path or not hasattr(page, "path"):
        return False
    return page.path.startswith(link_path)


def _in_language_format(value, formats):
    if not value:
        return ""
    if hasattr(value, "hour") and is_aware(value):
        value = localtime(value)
    return date_format(value, format_for(formats, translation.get_language()))


@register.filter
def weekday_date(value):
    """ "mardi 14 mars 2027", "dinsdag 14 maart 2027", "Dienstag, 14. März 2027"."""
    return _in_language_format(value, WEEKDAY_DATE)


@register.filter
def weekday_datetime(value):
    return _in_language_format(value, WEEKDAY_DATETIME)


@register.filter
def weekday_day(value):
    return _in_language_format(value, WEEKDAY_DAY)


@register.filter
def selected_count(facets):
    """How many filter values are chosen in `facets` (FacetedFilter.facet_values)."""
    return sum(1 for facet in facets or [] for value in facet["values"] if value.selected)


# One sentence per language rather than a language name in a sentence: each language's grammar.
_NOT_YET_TRANSLATED = {
    "nl": _("Cette page n’existe pas encore en néerlandais : voici l’original en français."),
    "de": _("Cette page n’existe pas encore en allemand : voici l’original en français."),
    "en": _("Cette page n’existe pas encore en anglais : voici l’original en français."),
}


@register.simple_tag(takes_context=True)
def original_language(context):
    """The language of the content when a page is shown in its French original because it has no
    translation in the visitor's language (`language_fallback.serve`): the notice and `lang` follow
    it. None otherwise."""
    request = context.get("request")
    code = getattr(request, SHOWN_IN_ORIGINAL, None)
    if code is None:
        return None
    return {"code": code, "notice": _NOT_YET_TRANSLATED.get(translation.get_language(), "")}


PICTOS = {"fiche", "pratique", "event", "offer", "structure", "livre", "compagnon", "page"}
# The pictogram of each type of search result (the sources' `type_key`); other types get "page".
TYPE_PICTOS = {
    "fiche": "fiche",
    "pratique": "pratique",
    "structure": "structure",
    "compagnon": "compagnon",
    "evenement": "event",
    "offre": "offer",
    "recommandation": "livre",
    "page": "page",
}


@register.simple_tag
def picto(name, css_class=""):
    """A self-hosted pictogram (static/passerelles/img/pictos/), drawn in the text colour.

    Decorative: the word it illustrates (kicker, title) is always next to it, so it is hidden
    from screen readers. One small file per picto, cached by the browser, referenced by <use>.
    """
    if name not in PICTOS:
        return ""
    return format_html(
        '<svg class="picto {}" aria-hidden="true" width="28" height="28"><use href="{}#p"></use></svg>',
        css_class,
        static(f"passerelles/img/pictos/{name}.svg"),
    )


@register.simple_tag
def type_picto(type_key, css_class=""):
    """The pictogram of a search result's type (`TYPE_PICTOS`), decorative like the others."""
    return picto(TYPE_PICTOS.get(type_key, "page"), css_class)


@register.simple_tag
def placed_messages(messages, place=""):
    """The flash messages meant for `place` (their extra tags, e.g. "contribution": shown next to
    the form they answer), or, without `place`, those meant for nowhere in particular (the top)."""
    return [message for message in messages or () if (message.extra_tags or "") == (place or "")]


class RememberNode(template.Node):
    def __init__(self, parts, nodelist):
        self.parts, self.nodelist = parts, nodelist

    def render(self, context):
        request = context.get("request")
        # The host too: a card's link is relative on its own site, absolute on another.
        parts = [request.get_host() if request else "", *(part.resolve(context) for part in self.parts)]
        return remembered_query("html", parts, build=lambda: self.nodelist.render(context))


@register.tag
def remember(parser, token):
    """`{% remember "event-card" event.pk occurrence.start %}…{% endremember %}`: the block's HTML,
    rendered once per publication (the generation is in the key), language and host. For what
    depends only on published content and the given values: a listing's cards at 10,000 items
    cost their rendering, not their queries (each card a few milliseconds of template)."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("remember : un nom de fragment est requis")
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode([parser.compile_filter(bit) for bit in bits], nodelist)
