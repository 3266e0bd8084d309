"""The "toujours à jour" link of the freshness reminder: GET shows the fiche and one button, POST
records the review (mail scanners open links before people do: GET changes nothing)."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import freshness

TOKEN_MAX_LENGTH = 1000


def still_current(request):
    token = (request.POST.get("jeton") or request.GET.get("jeton") or "")[:TOKEN_MAX_LENGTH]
    context = {"seo_title": _("Fiche toujours à jour")}
    try:
        page, user, reviewed = freshness.read_token(token)
    except freshness.InvalidLink as error:
        context["error"] = error.message
        return render(request, "knowledge/still_current.html", context, status=error.status)
    context.update(fiche=page, token=token)
    if page.last_reviewed != reviewed:
        context["already"] = True  # reviewed since the mail (by this link, a colleague or an edit)
    elif request.method == "POST":
        freshness.record_review(page, user)
        context["done"] = True
    context["today"] = timezone.localdate()
    return render(request, "knowledge/still_current.html", context)
