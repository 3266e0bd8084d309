"""`{% follow_link page query %}` on a listing and `{% follow_form page %}` on a recommendation.

A listing shows a link to the subscription form (no form on the listing); a recommendation
shows the follow form in place, without a CSRF token, so that its page stays cacheable."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from ..forms import SubscribeForm
from ..listings import MAX_QUERY_LENGTH
from ..targets import SEARCH

register = template.Library()


@register.simple_tag(takes_context=True)
def follow_url(context, page):
    """The subscription form for this listing with the filters the visitor chose."""
    parameters = {"cible": page.pk}
    request = context.get("request")
    query = request.GET.urlencode()[:MAX_QUERY_LENGTH] if request is not None else ""
    if query:
        parameters["filtres"] = query
    return reverse("alerts:subscribe") + "?" + urlencode(parameters)


@register.simple_tag(takes_context=True)
def follow_search_url(context):
    """The subscription form for this search (its text and filters)."""
    request = context.get("request")
    query = request.GET.urlencode()[:MAX_QUERY_LENGTH] if request is not None else ""
    return reverse("alerts:subscribe") + "?" + urlencode({"cible": SEARCH, "filtres": query})


@register.inclusion_tag("alerts/_follow_form.html", takes_context=True)
def follow_form(context, page):
    form = SubscribeForm(initial={"cible": page.pk}, with_frequency=False, auto_id="suivre_%s")
    # No CSRF token: it would set a cookie and keep the recommendation out of the page cache;
    # the subscription view checks that the post comes from this site (passerelles.same_origin).
    return {"form": form, "request": context.get("request")}
