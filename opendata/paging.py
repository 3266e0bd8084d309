"""Strict paging for the API and its French refusals.

The listings forgive a bad page number (they show the first or last page with a notice); a
program must know it asked for something else, so here a bad number is a 400 and a page past
the last one a 404, each with a French message.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from .resources import Refused

MAX_PER_PAGE = 100


class PageMissing(Exception):
    pass


def positive_int(raw, name, default, maximum=None):
    if raw is None or raw == "":
        return default
    raw = raw.strip()
    if not raw.isdigit() or len(raw) > 9 or int(raw) < 1:
        raise Refused([_("Le paramètre « %(name)s » doit être un nombre entier positif.") % {"name": name}])
    value = int(raw)
    if maximum is not None and value > maximum:
        raise Refused(
            [_("Le paramètre « %(name)s » ne peut dépasser %(max)s.") % {"name": name, "max": maximum}]
        )
    return value


def page_of(items, data, default_size):
    """(Django Page, size) of `items` for `?page=` and `?par_page=`."""
    size = positive_int(data.get("par_page"), "par_page", default_size, MAX_PER_PAGE)
    number = positive_int(data.get("page"), "page", 1)
    paginator = Paginator(items, size)
    if number > paginator.num_pages:
        raise PageMissing(
            _("La page %(number)s n’existe pas : il y a %(pages)s page(s) de résultats.")
            % {"number": number, "pages": paginator.num_pages}
        )
    return paginator.page(number), size
