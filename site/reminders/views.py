"""The "stop this reminder" page, reached from a mail's link or its List-Unsubscribe header."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .registry import kind_label
from .sending import read_stop_token, stop

TOKEN_MAX_LENGTH = 1000


@csrf_exempt  # RFC 8058: the mail program POSTs without a form; the signed token is the proof
def stop_reminder(request):
    token = (request.POST.get("jeton") or request.GET.get("jeton") or "")[:TOKEN_MAX_LENGTH]
    found = read_stop_token(token)
    label = kind_label(found[0]) if found else None
    if found is None or label is None:
        context = {"invalid": True, "seo_title": _("Lien non valide")}
        return render(request, "reminders/stop.html", context, status=400)
    context = {"label": label, "token": token, "seo_title": _("Arrêter un rappel")}
    if request.method == "POST":
        stop(*found)
        context["done"] = True
    return render(request, "reminders/stop.html", context)
