"""Where the consultation's forms post: outside Wagtail's page serving and without a CSRF token
(passerelles.same_origin), so that the edition, its chapters and its recommendations, which hold
these forms, stay in the page cache. The same honeypot, rate limits and French refusals apply
(consultation.py); the edition's own routes `soutenir/` and `contribuer/` still take a post that
carries a token."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from passerelles.same_origin import posted_from_this_site

from .consultation import handle_contribution, handle_support
from .models import EditionPage

# Page ids are 32-bit integers: a longer number in the address is no edition (and no SQL error).
MAX_PAGE_ID = 2**31 - 1


def edition_or_404(edition_id):
    edition = None
    if edition_id <= MAX_PAGE_ID:
        edition = EditionPage.objects.live().public().filter(pk=edition_id).first()
    if edition is None:
        raise Http404(_("Cette édition du livre blanc n’existe pas ou n’est pas publiée."))
    return edition


@posted_from_this_site
def support(request, edition_id):
    edition = edition_or_404(edition_id)
    if request.method != "POST":
        return redirect(edition.get_url(request))
    return handle_support(edition, request)


@posted_from_this_site
def contribute(request, edition_id):
    edition = edition_or_404(edition_id)
    if request.method != "POST":
        return redirect(edition.get_url(request))
    return handle_contribution(edition, request)
