"""The public pages of joining: the form, "check your mailbox", the confirmation link."""

from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from passerelles.abuse import screen_post, setting

from ..models import JoinRequest, JoinStatus
from . import decisions, tokens
from .forms import JoinForm

RATE_GROUP = "network:join"


def join(request):
    """GET shows the form; POST checks it, stores the request and mails the confirmation link."""
    context = {"seo_title": _("Rejoindre Passerelles")}
    status = 200
    form = JoinForm()
    if request.method == "POST":
        form = JoinForm(request.POST)
        status = screen_post(
            request,
            form,
            RATE_GROUP,
            ip_rate=setting("JOIN_RATE_LIMIT", "10/h"),
            target="join",
            email_rate=setting("JOIN_EMAIL_RATE_LIMIT", "3/h"),
        )
        context["rate_limited"] = status == 429
        if status == 200:
            if not form.is_spam():
                join_request = form.fill(JoinRequest(language=translation.get_language() or "fr"))
                join_request.save()
                decisions.send_confirmation(join_request, request)
            return redirect("network_join_sent")
    context["form"] = form
    return render(request, "network/join/form.html", context, status=status)


def sent(request):
    return render(request, "network/join/sent.html", {"seo_title": _("Demande envoyée")})


def invalid_link(request, expired=False):
    context = {"seo_title": _("Lien non valide"), "expired": expired}
    return render(request, "network/join/invalid_link.html", context, status=410 if expired else 400)


def confirm(request, token):
    """GET asks to confirm (mail scanners follow links, never press buttons); POST confirms."""
    pk = tokens.read(token)
    if pk == "expired":
        return invalid_link(request, expired=True)
    join_request = JoinRequest.objects.filter(pk=pk).first() if pk is not None else None
    if join_request is None:
        return invalid_link(request)
    if request.method == "POST":
        decisions.confirm(join_request, request)
    context = {
        "seo_title": _("Confirmer votre demande"),
        "join": join_request,
        "confirmed": join_request.status != JoinStatus.UNCONFIRMED,
    }
    return render(request, "network/join/confirm.html", context)
