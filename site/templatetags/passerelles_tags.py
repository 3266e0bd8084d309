"""Template tags of the site frame: language switcher and hreflang, navigation links."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's live translation, else that language's home page.

    Works on Wagtail pages and on plain views (search): there the URL is translated by Django.
    Returns dicts with code, name, url, current and `translated` (a real translation exists),
    in two queries whatever the number of languages.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        site = Site.find_for_request(request) if request else None
        keys = [page.translation_key]
        if site:
            keys.append(site.root_page.translation_key)
        candidates = Page.objects.live().filter(translation_key__in=keys).select_related("locale")
        translations, homes = {}, {}
        for candidate in candidates:
            bucket = translations if candidate.translation_key == page.translation_key else homes
            bucket[candidate.locale.language_code] = candidate
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "current": code == current,
                    "translated": code in translations,
                }
            )
        return links
    path = request.path if request else "/"
    for code, name in settings.LANGUAGES:
        links.append(
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "current": code == current,
                "translated": True,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of `page` in the active language when it is translated, else of the page itself."""
    if page is None:
        return ""
    request = context.get("request")
    target = page.localized if getattr(page, "locale_id", None) != _active_locale_id() else page
    return target.get_url(request) or ""


def _active_locale_id():
    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return None


@register.simple_tag(takes_context=True)
def link_url(context, link):
    """The URL of a LinkBlock value: its page (in the active language) or its external address."""
    if link.get("page"):
        return localized_url(context, link["page"])
    return link.get("url") or ""


@register.filter
def is_active_section(page, link_page):
    """True when `page` is `link_page` or one of its descendants (the menu marks the section)."""
    if not page or not link_page or not hasattr(page, "path"):
        return False
    return page.path.startswith(link_page.localized.path)
