"""Consultation while an edition is open: supports (counted once per browser) and contributions
(kept pending until a coordinator approves them). Every refusal answers in French and saves nothing.

A recommendation read in Dutch, German or English is the same recommendation: its supports and
contributions are recorded on the French original, so every language shows the same count."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.core import is_ratelimited

from passerelles.client_ip import client_ip
from passerelles.fragments import remembered
from passerelles.language_fallback import visitor_url
from passerelles.localized import original_of

from .forms import UNKNOWN_RECOMMENDATION, ContributionForm, SupportForm
from .models.consultation import Contribution, Support
from .models.recommendation import RecommendationEvent, RecommendationPractice

SESSION_KEY = "livreblanc_soutiens"
# Where a contribution's form and its outcome are on a recommendation's page: the visitor lands
# there after posting, whether it was taken or refused.
CONTRIBUTION_ANCHOR = "avis"
# The tag of the messages shown there rather than at the top of the page.
CONTRIBUTION_TAG = "contribution"


def rate(name, default):
    return getattr(settings, name, default)


def supported_ids(request):
    return set(request.session.get(SESSION_KEY, []))


def browser_fingerprint(request):
    """One support per person and recommendation, even after the cookies are cleared.

    The key is the client address and the browser's own description (User-Agent, languages),
    hashed with the secret key: clearing cookies or opening a private window changes none of
    them, and nothing that identifies someone is stored. Asking for an e-mail address (and
    confirming it) would be stronger but turns a one-click support into a form with a mail
    round trip. The cost: two people supporting from the same computer and browser count once,
    as they did with the session cookie. Rotating the User-Agent to get around it is bounded
    by the per-address limit of supports per recommendation (`connection_limit_reached`)."""
    meta = request.META
    raw = "|".join(
        [
            settings.SECRET_KEY,
            client_ip(request),
            meta.get("HTTP_USER_AGENT", "")[:512],
            meta.get("HTTP_ACCEPT_LANGUAGE", "")[:128],
        ]
    )
    return hashlib.sha256(raw.encode()).hexdigest()


def connection_limit_reached(request, recommendation):
    """Supports to one recommendation from one client address: a few a day (a shared connection),
    not more, whatever browser each post claims to be."""
    return is_ratelimited(
        request,
        group="livreblanc-soutien-connexion",
        key=lambda _group, _request: f"{client_ip(request)}:{recommendation.pk}",
        rate=rate("LIVREBLANC_SUPPORTS_PER_CONNECTION", "5/d"),
        method="POST",
        increment=True,
    )


def recommendation_context(recommendation, request, contribution_form=None):
    from .models.edition import EditionPage  # the edition module imports this one

    consulted = original_of(recommendation)

    def published_part():
        # Changes only with a publication or a moderated contribution: remembered until then.
        edition = EditionPage.objects.ancestor_of(recommendation).first()
        return {
            **edition_urls(edition),
            "edition": edition,
            "chapter": recommendation.get_parent(),
            "timeline": recommendation.timeline(),
            "practice_links": list(live_links(RecommendationPractice, recommendation)),
            "event_links": list(live_links(RecommendationEvent, recommendation)),
            "themes": [item.tag for item in recommendation.theme_items.select_related("tag")],
            "contributions": list(
                consulted.contributions.filter(status=Contribution.Status.APPROVED).order_by("created_at")
            ),
        }

    def edition_urls(edition):
        # Under the visitor's language prefix (the active language), even when the recommendation
        # is not translated: the answer to a post comes back in that language. Posted without a
        # CSRF token (consultation_views), so that the page stays in the page cache.
        if edition is None:
            return {}
        return {
            "support_url": reverse("livreblanc_support", args=[edition.pk]),
            "contribute_url": f"{reverse('livreblanc_contribute', args=[edition.pk])}#{CONTRIBUTION_ANCHOR}",
        }

    context = dict(
        remembered("recommendation", recommendation.pk, translation.get_language(), build=published_part)
    )
    edition = context["edition"]
    context["support_count"] = consulted.supports.count()  # live: a support shows at once
    context["supported"] = consulted.pk in supported_ids(request)
    context["current_status"] = context["timeline"][-1] if context["timeline"] else None
    if edition is not None and edition.is_open:
        context["contribution_form"] = contribution_form or ContributionForm(
            edition=edition, initial={"recommendation": recommendation.pk}
        )
    return context


def live_links(model, recommendation):
    links = model.objects.filter(recommendation=recommendation, page__live=True)
    return links.select_related("page", "page__locale").order_by("sort_order")


def render_refusal(
    edition, request, notice, status, recommendation=None, contribution_form=None, contribution=False
):
    """The page the visitor came from, with the reason in French and what they typed kept; a
    contribution's reason next to its form (the post's address ends with #avis)."""
    if recommendation is not None:
        context = recommendation.get_context(request, contribution_form=contribution_form)
        context["contribution_notice" if contribution else "notice"] = notice
        return TemplateResponse(request, recommendation.get_template(request), context, status=status)
    response = edition.render(request, context_overrides={"notice": notice})
    response.status_code = status
    return response


def valid_recommendation(form):
    """The recommendation named by the POST when it belongs to the edition, without a full validation."""
    field = form.fields["recommendation"]
    try:
        return field.clean(form.data.get("recommendation"))
    except ValidationError:  # unknown ids, wrong types
        return None


CLOSED = gettext_lazy(
    "La consultation sur cette édition est close : elle ne reçoit plus de soutiens ni de contributions."
)
TOO_MANY = gettext_lazy("Trop d'envois depuis votre connexion en peu de temps. Réessayez dans une heure.")
TOO_MANY_SUPPORTS = gettext_lazy(
    "Cette recommandation a déjà reçu plusieurs soutiens depuis votre connexion aujourd'hui."
)
DROPPED = gettext_lazy("Votre envoi n'a pas pu être enregistré.")


def gate(edition, request, group, limit, recommendation, form=None, contribution=False):
    """The refusal shared by both forms: a closed edition, then too many posts from one address
    (counted per address, whether the post is valid or not). None when the post may go on."""
    if not edition.is_open:
        return render_refusal(edition, request, str(CLOSED), 403, recommendation, contribution=contribution)
    if is_ratelimited(
        request, group=f"livreblanc-{group}", key="ip", rate=limit, method="POST", increment=True
    ):
        return render_refusal(
            edition, request, str(TOO_MANY), 429, recommendation, form, contribution=contribution
        )
    return None


def handle_support(edition, request):
    form = SupportForm(request.POST, edition=edition)
    recommendation = valid_recommendation(form)
    refusal = gate(edition, request, "soutien", rate("LIVREBLANC_SUPPORT_RATE", "30/h"), recommendation)
    if refusal:
        return refusal
    if not form.is_valid():
        notice = " ".join(error for errors in form.errors.values() for error in errors)
        return render_refusal(edition, request, notice, 400, recommendation)
    if form.is_spam():
        return render_refusal(edition, request, str(DROPPED), 400, recommendation)

    recommendation = form.cleaned_data["recommendation"]
    consulted = original_of(recommendation)
    already = supported_ids(request)
    counted = False
    fingerprint = browser_fingerprint(request)
    known = (
        consulted.pk in already
        or Support.objects.filter(recommendation=consulted, browser=fingerprint).exists()
    )
    if not known and connection_limit_reached(request, consulted):
        return render_refusal(edition, request, str(TOO_MANY_SUPPORTS), 429, recommendation)
    if consulted.pk not in already:
        try:
            with transaction.atomic():
                _support, counted = Support.objects.get_or_create(
                    recommendation=consulted, browser=fingerprint
                )
        except IntegrityError:  # two clicks at once from the same browser
            counted = False
        request.session[SESSION_KEY] = sorted(already | {consulted.pk})
    if counted:
        messages.success(
            request, _("Merci : votre soutien à « %(title)s » est compté.") % {"title": recommendation.title}
        )
    else:
        messages.info(request, _("Vous soutenez déjà « %(title)s ».") % {"title": recommendation.title})
    if form.cleaned_data.get("retour") == "edition":
        return redirect(f"{visitor_url(edition, request)}#recommandation-{recommendation.pk}")
    return redirect(f"{visitor_url(recommendation, request)}#soutien")


def handle_contribution(edition, request):
    form = ContributionForm(request.POST, edition=edition)
    recommendation = valid_recommendation(form)
    contribution_rate = rate("LIVREBLANC_CONTRIBUTION_RATE", "5/h")
    refusal = gate(
        edition, request, "contribution", contribution_rate, recommendation, form, contribution=True
    )
    if refusal:
        return refusal
    if recommendation is None:
        return render_refusal(edition, request, str(UNKNOWN_RECOMMENDATION), 400)
    if not form.is_valid():
        # The form's error summary says it all (a double post included): no notice above it.
        return render_refusal(edition, request, "", 400, recommendation, form, contribution=True)
    if form.is_spam():
        return render_refusal(edition, request, str(DROPPED), 400, recommendation, contribution=True)
    contribution = form.save(commit=False)
    contribution.recommendation = original_of(recommendation)
    contribution.save()
    messages.success(
        request,
        _("Merci ! Votre contribution sera publiée après relecture par l'équipe de coordination."),
        extra_tags=CONTRIBUTION_TAG,
    )
    return redirect(f"{visitor_url(recommendation, request)}#{CONTRIBUTION_ANCHOR}")
