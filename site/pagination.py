"""One way to page a listing, with the same French messages in every section.

A page number that is not a number (or absurdly long) gives the first page, one beyond the last
gives the last page; either way a message says so, and the visitor never meets an error.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _


def paginate(items, raw_number, per_page):
    """(page, message): the page `raw_number` of `items`, or the nearest existing one and a
    French message saying what happened (None when the number was fine)."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(raw_number or 1), None
    except PageNotAnInteger:
        return paginator.page(1), _("Le numéro de page demandé n’est pas valide ; voici la première page.")
    except EmptyPage:
        if int(raw_number) < 1:
            return paginator.page(1), _("Cette page de résultats n’existe pas ; voici la première page.")
        return paginator.page(paginator.num_pages), _(
            "Cette page de résultats n’existe pas ; voici la dernière page."
        )
