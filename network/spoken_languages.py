"""A compagnon's languages, written once in French by the structure ("français, néerlandais"),
shown in the visitor's language: the names the interface knows are translated, any other word is
kept as written and marked French (WCAG 3.1.2)."""

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

KNOWN = {
    "français": _("français"),
    "néerlandais": _("néerlandais"),
    "allemand": _("allemand"),
    "anglais": _("anglais"),
    "arabe": _("arabe"),
    "espagnol": _("espagnol"),
    "italien": _("italien"),
    "luxembourgeois": _("luxembourgeois"),
    "turc": _("turc"),
    "portugais": _("portugais"),
    "polonais": _("polonais"),
    "roumain": _("roumain"),
    "russe": _("russe"),
    "ukrainien": _("ukrainien"),
    "lingala": _("lingala"),
    "berbère": _("berbère"),
    "langue des signes": _("langue des signes"),
    "wallon": _("wallon"),
}


def spoken_languages_html(text):
    """`text`'s comma-separated names in the active language, as HTML."""
    names = [name.strip() for name in (text or "").split(",") if name.strip()]
    french = translation.get_language() == settings.LANGUAGE_CODE
    parts = []
    for name in names:
        known = KNOWN.get(name.lower())
        if known is not None:
            parts.append((str(known),))
        elif french:
            parts.append((name,))
        else:
            parts.append((format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, name),))
    return format_html_join(", ", "{}", parts)
