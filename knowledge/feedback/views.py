"""The vote under a fiche and the thanks page that follows it.

The vote form sits on pages served from the anonymous page cache, so it carries no CSRF token
(which would set a cookie and make the page uncacheable). Its URL is exempt from CSRF and refuses
cross-site posts itself (Sec-Fetch-Site, else Origin, else Referer, against the site's host); it
has a honeypot and a rate limit, and counts one vote per page, client and day (`votes`). Then a
303 to a thanks page signed for that vote, where a "Pourquoi ?" form (with CSRF) may follow.
"""

from urllib.parse import urlencode

from django.core import signing
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from passerelles.abuse import over_limit, setting
from passerelles.localized import original_of
from passerelles.same_origin import from_this_site

from ..models import KnowledgeItemPage
from .forms import UNKNOWN_PAGE, ReasonForm, VoteForm, page_id
from .models import FeedbackReason
from .votes import record_vote

VOTE_RATE_GROUP = "knowledge:vote"
REASON_RATE_GROUP = "knowledge:vote-reason"
TOKEN_SALT = "knowledge.feedback.vote"
TOKEN_MAX_AGE = 2 * 24 * 3600  # the "Pourquoi ?" form stays usable for two days
TOKEN_MAX_LENGTH = 500


def refusal(request, message, status, page=None):
    context = {"seo_title": _("Votre avis n’a pas été enregistré"), "message": message, "fiche": page}
    response = render(request, "knowledge/feedback/refused.html", context, status=status)
    if status == 405:
        response["Allow"] = "POST"
    return response


def live_item(pk):
    if pk is None:
        return None
    return KnowledgeItemPage.objects.live().public().filter(pk=pk).specific().first()


@csrf_exempt  # checked by from_this_site: a CSRF token would make every fiche uncacheable
def vote(request):
    if request.method != "POST":
        return refusal(
            request, _("Pour donner votre avis, utilisez les boutons « Oui » ou « Non » sous la fiche."), 405
        )
    if not from_this_site(request):
        return refusal(request, _("Votre avis doit être donné depuis la fiche, sur ce site."), 403)
    if over_limit(request, VOTE_RATE_GROUP, ip_rate=setting("FEEDBACK_VOTE_RATE_LIMIT", "30/h")):
        return refusal(
            request, _("Trop d’avis envoyés depuis votre connexion. Réessayez dans une heure."), 429
        )
    page = live_item(page_id(request.POST.get("page")))
    if page is None:
        return refusal(request, str(UNKNOWN_PAGE), 404)
    form = VoteForm(request.POST)
    if not form.is_valid():
        message = " ".join(error for errors in form.errors.values() for error in errors)
        return refusal(request, message, 400, page)
    helpful = form.cleaned_data["utile"] == "oui"
    counted = False
    if not form.is_spam():  # a robot is thanked like a person; nothing is counted
        counted = record_vote(request, original_of(page), helpful)
    token = signing.dumps({"p": page.pk, "u": helpful, "c": counted}, salt=TOKEN_SALT, compress=True)
    response = HttpResponseRedirect(f"{reverse('knowledge_feedback_thanks')}?{urlencode({'jeton': token})}")
    response.status_code = 303  # See Other: the browser GETs the thanks page
    return response


def read_token(request):
    token = (request.POST.get("jeton") or request.GET.get("jeton") or "")[:TOKEN_MAX_LENGTH]
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # expired links included
        return None, None
    if not isinstance(data, dict) or not isinstance(data.get("u"), bool):
        return None, None
    return live_item(page_id(data.get("p"))), data


def thanks(request):
    """The vote's "Merci", then an optional "Pourquoi ?" kept anonymously for the fiche's authors."""
    page, data = read_token(request)
    if page is None:
        return refusal(
            request,
            _("Ce lien de remerciement n’est plus valable. Votre avis a peut-être déjà été compté."),
            404,
        )
    context = {
        "seo_title": _("Merci pour votre avis"),
        "fiche": page,
        "helpful": data["u"],
        "counted": data["c"],
        "form": ReasonForm(initial={"jeton": request.GET.get("jeton", "")[:TOKEN_MAX_LENGTH]}),
    }
    status = 200
    if request.method == "POST":
        form = ReasonForm(request.POST)
        context["form"] = form
        if over_limit(request, REASON_RATE_GROUP, ip_rate=setting("FEEDBACK_REASON_RATE_LIMIT", "10/h")):
            context["rate_limited"] = True
            status = 429
        elif form.is_valid():
            if not form.is_spam():
                FeedbackReason.objects.create(
                    page=original_of(page), helpful=data["u"], text=form.cleaned_data["text"].strip()
                )
            context["reason_sent"] = True
        else:
            status = 400
    return render(request, "knowledge/feedback/thanks.html", context, status=status)
