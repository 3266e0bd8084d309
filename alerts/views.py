"""Public views of the alerts: follow, confirm (double opt-in), unsubscribe in one click, manage.

No account: each link carries a signed token (tokens.py). A forged or altered token answers 404
with a French page; the e-mail address is never shown in full on any page.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from passerelles.abuse import screen_post, setting
from passerelles.same_origin import posted_from_this_site

from . import mails, recommendations, tokens
from .forms import FrequencyForm, SubscribeForm
from .models import Frequency, Kind, Subscription
from .targets import SEARCH, describe, resolve

RATE_GROUP = "alerts:subscribe"


def masked(email):
    """j•••@example.org: enough for the person to recognise their address, useless to others."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}"


def invalid_link(request):
    return render(request, "alerts/invalid_link.html", {"seo_title": _("Lien non valide")}, status=404)


@posted_from_this_site  # the follow form of a cached recommendation posts without a CSRF token
def subscribe(request):
    data = request.POST if request.method == "POST" else request.GET
    target = resolve(data.get("cible", ""), data.get("filtres", ""))
    with_frequency = target.kind != Kind.RECOMMENDATION
    title, filters = describe(Subscription(kind=target.kind, page=target.page, query=target.query))
    context = {
        "target": target,
        "title": title,
        "filters": filters,
        "seo_title": _("Recevoir les nouveautés"),
    }
    cible = target.page.pk if target.page is not None else SEARCH
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST, with_frequency=with_frequency)
        status = screen_post(
            request,
            form,
            RATE_GROUP,
            ip_rate=setting("ALERTS_RATE_LIMIT", "20/h"),
            target=f"{target.kind}:{cible}:{target.query}",
            email_rate=setting("ALERTS_EMAIL_RATE_LIMIT", "3/h"),
        )
        context["rate_limited"] = status == 429
        if status == 200:
            if not form.is_spam():
                request_subscription(target, form.cleaned_data)
            return render(request, "alerts/check_your_mail.html", context)
    else:
        form = SubscribeForm(
            initial={"cible": cible, "filtres": target.query, "frequency": Frequency.WEEKLY},
            with_frequency=with_frequency,
        )
    context["form"] = form
    return render(request, "alerts/subscribe.html", context, status=status)


def request_subscription(target, data):
    """Creates (or finds) the subscription and mails the confirmation link; the page answers the
    same whether the address was already subscribed or not (nothing to learn about anyone)."""
    email = data["email"].strip().lower()
    subscription, _created = Subscription.objects.get_or_create(
        email=email,
        kind=target.kind,
        page=target.page,
        query=target.query,
        defaults={
            "language": translation.get_language() or "fr",
            "frequency": data.get("frequency", Frequency.IMMEDIATE),
        },
    )
    if subscription.confirmed_at is None:
        subscription.language = translation.get_language() or "fr"
        subscription.frequency = data.get("frequency") or subscription.frequency
        subscription.save(update_fields=["language", "frequency"])
        title, filters = describe(subscription)
        mails.build(
            subscription,
            "confirm",
            _("Confirmez votre abonnement : %(title)s") % {"title": title},
            {"title": title, "filters": filters, "confirm_url": mails.confirm_url(subscription)},
            unsubscribe=False,
        ).send()
    else:
        title, filters = describe(subscription)
        mails.build(
            subscription,
            "already",
            _("Vous suivez déjà : %(title)s") % {"title": title},
            {"title": title, "filters": filters},
        ).send()


def subscription_from(purpose, token, max_age=None):
    pk = tokens.read(purpose, token, max_age=max_age)
    if not isinstance(pk, int):
        return None
    return Subscription.objects.select_related("page").filter(pk=pk).first()


def confirm(request, token):
    subscription = subscription_from("confirm", token, max_age=tokens.CONFIRM_MAX_AGE)
    if subscription is None:
        return invalid_link(request)
    title, filters = describe(subscription)
    context = {"title": title, "filters": filters, "seo_title": _("Confirmer l’abonnement")}
    if request.method == "POST" and subscription.confirmed_at is None:
        now = timezone.now()
        subscription.confirmed_at = subscription.last_digest_at = now
        if subscription.kind == Kind.RECOMMENDATION:
            subscription.seen = recommendations.current_keys(subscription.page.specific)
        subscription.save(update_fields=["confirmed_at", "last_digest_at", "seen"])
    if subscription.confirmed_at is not None:
        context["manage_url"] = mails.manage_url(subscription.email)
        context["confirmed"] = True
    return render(request, "alerts/confirm.html", context)


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without any cookie
def unsubscribe(request, token):
    pk = tokens.read("unsubscribe", token)
    if not isinstance(pk, int):
        return invalid_link(request)
    subscription = Subscription.objects.select_related("page").filter(pk=pk).first()
    context = {"seo_title": _("Se désabonner"), "gone": subscription is None}
    if subscription is not None:
        context["title"], context["filters"] = describe(subscription)
        context["manage_url"] = mails.manage_url(subscription.email)
        if request.method == "POST":
            subscription.delete()
            context["done"] = True
    return render(request, "alerts/unsubscribe.html", context)


def manage(request, token):
    email = tokens.read("manage", token)
    if not isinstance(email, str) or "@" not in email:
        return invalid_link(request)
    subscriptions = Subscription.objects.filter(email=email).select_related("page")
    status, message, error = 200, "", ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "tout":
            subscriptions.delete()
            message = _("Vous ne recevrez plus aucun message de nos alertes.")
        else:
            chosen = request.POST.get("abonnement", "")
            if not chosen.isdigit() or len(chosen) > 12:
                raise Http404
            subscription = subscriptions.filter(pk=int(chosen)).first()
            if subscription is None:
                raise Http404
            if action == "arreter":
                subscription.delete()
                message = _("Cet abonnement est arrêté.")
            elif action == "frequence":
                form = FrequencyForm(request.POST)
                if form.is_valid():
                    subscription.frequency = form.cleaned_data["frequency"]
                    subscription.save(update_fields=["frequency"])
                    message = _("La fréquence est enregistrée.")
                else:
                    error, status = form.errors["frequency"][0], 400
            else:
                error, status = _("Cette action n’existe pas."), 400
    rows = []
    for subscription in subscriptions.order_by("created_at", "pk"):
        title, filters = describe(subscription)
        rows.append({"subscription": subscription, "title": title, "filters": filters})
    context = {
        "rows": rows,
        "address": masked(email),
        "message": message,
        "error": error,
        "frequencies": Frequency.choices,
        "seo_title": _("Mes abonnements"),
    }
    return render(request, "alerts/manage.html", context, status=status)
