"""The public search page across every public type, and the autocomplete JSON behind the box."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query

from . import suggestions
from .models import ZeroResultQuery
from .querying import MAX_QUERY_LENGTH, SearchRun, clean_query, documents_for
from .text import highlight

RESULTS_PER_PAGE = 10
SORTS = {"pertinence", "date"}


def current_locale():
    return (get_language() or "fr").split("-")[0]


def search(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    sort = request.GET.get("tri", "pertinence")
    locale = current_locale()
    run = SearchRun(query, locale, request.GET, sort if sort in SORTS else "pertinence")
    messages = list(run.messages)
    if sort not in SORTS:
        messages.append(_("Ce tri n’existe pas ; les résultats sont triés par pertinence."))
    if len(raw.strip()) > MAX_QUERY_LENGTH:
        messages.append(
            _("Votre recherche était très longue : seuls ses %(n)s premiers caractères ont été utilisés.")
            % {"n": MAX_QUERY_LENGTH}
        )

    paginator = Paginator(run.ordered_ids, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
        messages.append(_("Cette page de résultats n’existe pas ; voici la première."))
    results = documents_for(list(page_obj.object_list))
    for document in results:
        document.excerpt = highlight(document.body, query, locale)
        document.title_html = highlight(document.title, query, locale, length=500)

    is_first_page = page_obj.number == 1
    # Popular and zero-result queries for editors: counted once per search, not per page or filter.
    if query and request.GET.get("page", "1") == "1" and not run.filter.selected:
        Query.get(query).add_hit()
        if not paginator.count:
            ZeroResultQuery.record(query)

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
    }
    if (query or run.filter.selected) and not paginator.count:
        context["did_you_mean"] = suggestions.did_you_mean(query, locale) if query else []
        context["popular"] = suggestions.popular_queries()
    if not query and not run.filter.selected:
        context["popular"] = suggestions.popular_queries()
    return render(request, "search/search.html", context)


def autocomplete(request):
    query = clean_query(request.GET.get("q", ""))
    results = suggestions.autocomplete(query, current_locale()) if len(query) >= 2 else []
    return JsonResponse({"query": query, "suggestions": results})
