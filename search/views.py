"""The public search page across every public type, and the autocomplete JSON behind the box."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import popular, suggestions
from .excerpts import decorate
from .querying import MAX_QUERY_LENGTH, SearchRun, clean_query, documents_for

RESULTS_PER_PAGE = 10
SORTS = {"pertinence", "date"}


def current_locale():
    return (get_language() or "fr").split("-")[0]


def one_value(request, name, default=""):
    """The last value of a parameter as text (a list or odd bytes are not an error)."""
    value = request.GET.getlist(name)
    return value[-1] if value else default


def search(request):
    raw = one_value(request, "q")
    query = clean_query(raw)
    sort = one_value(request, "tri", "pertinence")
    locale = current_locale()
    run = SearchRun(
        query,
        locale,
        request.GET,
        sort if sort in SORTS else "pertinence",
        page=one_value(request, "page", "1"),
        per_page=RESULTS_PER_PAGE,
    )
    messages = list(run.messages)
    if sort not in SORTS:
        messages.append(_("Ce tri n’existe pas ; les résultats sont triés par pertinence."))
    if len(raw.strip()) > MAX_QUERY_LENGTH:
        messages.append(
            _("Votre recherche était très longue : seuls ses %(n)s premiers caractères ont été utilisés.")
            % {"n": MAX_QUERY_LENGTH}
        )
    page_obj = run.page_obj
    results = [decorate(document, query, locale) for document in documents_for(list(page_obj.object_list))]
    total = page_obj.paginator.count

    is_first_page = page_obj.number == 1
    # Counted once per search, not per page or filter: editors' reports and popular queries.
    if query and one_value(request, "page", "1") == "1" and not run.filter.selected:
        popular.record(query, locale, total)

    context = {
        "query": query,
        "sort": run.sort,
        "sort_choices": [("pertinence", _("Pertinence")), ("date", _("Date"))],
        "page_obj": page_obj,
        "results": results,
        "facets": run.facet_values,
        "active_filters": run.filter.active,
        "messages_list": messages,
        "notice": run.notice,
        "picks": suggestions.editors_picks(query) if is_first_page else [],
        "seo_title": _("Recherche"),
        "visitor_language": locale,
    }
    if (query or run.filter.selected) and not total:
        context["did_you_mean"] = suggestions.did_you_mean(query, locale) if query else []
        context["popular"] = popular.popular_queries(locale)
    if not query and not run.filter.selected:
        context["popular"] = popular.popular_queries(locale)
    return render(request, "search/search.html", context)


def autocomplete(request):
    query = clean_query(one_value(request, "q"))
    results = suggestions.autocomplete(query, current_locale()) if len(query) >= 2 else []
    return JsonResponse({"query": query, "suggestions": results})
