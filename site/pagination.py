"""One way to page a listing, with the same French messages in every section.

A page number that is not a number (or absurdly long) gives the first page, one beyond the last
gives the last page; either way a message says so, and the visitor never meets an error.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from .fragments import remembered_query


class RememberedCountPaginator(Paginator):
    """A paginator whose count (a COUNT over the whole filtered listing, the slow part at
    10,000 items) is remembered until the next publication under `count_key`."""

    def __init__(self, items, per_page, count_key):
        super().__init__(items, per_page)
        self.count_key = count_key

    @cached_property
    def count(self):
        return remembered_query("count", self.count_key, build=lambda: Paginator.count.func(self))


def paginate(items, raw_number, per_page, count_key=None):
    """(page, message): the page `raw_number` of `items`, or the nearest existing one and a
    French message saying what happened (None when the number was fine).

    `count_key` (the listing's name and normalised filters) remembers the count until the next
    publication: only for what a publication alone changes (not a count that depends on time)."""
    paginator = (
        Paginator(items, per_page)
        if count_key is None
        else RememberedCountPaginator(items, per_page, count_key)
    )
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
