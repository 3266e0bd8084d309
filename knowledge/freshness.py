"""Freshness: the owners of a fiche past its review date are reminded, and confirm in one click
that it is still right ("toujours à jour").

Owners are the accounts of the fiche's structure (`OrganisationMembership`), or the fiche's
author when it names no structure. The reminder goes once per fiche, review date and owner
(`passerelles.reminders.send_once`). Its link is signed (django.core.signing) with the owner and
the review date it answers: it records the review (today becomes the review date, in every
language, the content unchanged) without a moderation round, and is worth nothing once the fiche
has been reviewed again or after LINK_DAYS days.
"""

import datetime
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, PageLogEntry

from network.models import OrganisationMembership
from passerelles.public_address import absolute_url
from passerelles.publication import bump

from .models import KnowledgeItemPage, ReviewConfirmation
from .models.pages import FRESHNESS_DAYS

SALT = "knowledge.still-current"
LINK_DAYS = 60
LOG_ACTION = "knowledge.still_current"


class InvalidLink(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message, self.status = message, status


def stale_pages(today=None):
    """Live French originals not reviewed for FRESHNESS_DAYS days (a review reaches the
    translations, which share the date)."""
    limit = (today or timezone.localdate()) - datetime.timedelta(days=FRESHNESS_DAYS)
    return KnowledgeItemPage.objects.live().filter(last_reviewed__lt=limit, locale=Locale.get_default())


def owners_of(pages):
    """{page pk: [users]}: active accounts with an address, in two queries for all the pages."""
    members = {}
    organisation_ids = {page.organisation_id for page in pages if page.organisation_id}
    memberships = OrganisationMembership.objects.filter(
        organisation_id__in=organisation_ids, user__is_active=True
    ).exclude(user__email="")
    for membership in memberships.select_related("user").order_by("user_id"):
        members.setdefault(membership.organisation_id, []).append(membership.user)
    authors = get_user_model().objects.in_bulk(
        {page.owner_id for page in pages if not page.organisation_id and page.owner_id}
    )
    found = {}
    for page in pages:
        if page.organisation_id:
            found[page.pk] = members.get(page.organisation_id, [])
        else:
            author = authors.get(page.owner_id)
            found[page.pk] = [author] if author and author.is_active and author.email else []
    return found


def make_token(page, user):
    return signing.dumps({"p": page.pk, "u": user.pk, "d": page.last_reviewed.isoformat()}, salt=SALT)


def still_current_url(page, user):
    return absolute_url(
        reverse("knowledge_still_current") + "?" + urlencode({"jeton": make_token(page, user)})
    )


def may_review(user, page):
    if page.organisation_id:
        return OrganisationMembership.objects.filter(user=user, organisation_id=page.organisation_id).exists()
    return page.owner_id == user.pk


def read_token(token):
    """(page, user, review date the link answers), or InvalidLink with a French message."""
    try:
        data = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=LINK_DAYS))
    except signing.SignatureExpired as error:
        raise InvalidLink(
            _("Ce lien a expiré. Ouvrez la fiche dans l’administration pour la relire."), status=410
        ) from error
    except signing.BadSignature as error:
        raise InvalidLink(_("Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier.")) from error
    if not isinstance(data, dict) or not all(isinstance(data.get(key), int) for key in ("p", "u")):
        raise InvalidLink(_("Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier."))
    try:
        reviewed = datetime.date.fromisoformat(str(data.get("d")))
    except ValueError as error:
        raise InvalidLink(_("Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier.")) from error
    page = KnowledgeItemPage.objects.filter(pk=data["p"]).first()
    user = get_user_model().objects.filter(pk=data["u"], is_active=True).first()
    if page is None or user is None:
        raise InvalidLink(_("Cette fiche ou ce compte n’existe plus."), status=404)
    if not may_review(user, page):
        raise InvalidLink(_("Vous ne faites plus partie de la structure de cette fiche."), status=403)
    return page, user, reviewed


def record_review(page, user, today=None):
    """Today becomes the review date of the fiche in every language, live and in its latest
    revision (so the next edit or publication keeps it); the review is logged in its history."""
    today = today or timezone.localdate()
    with transaction.atomic():
        previous = page.last_reviewed
        versions = list(KnowledgeItemPage.objects.filter(translation_key=page.translation_key))
        KnowledgeItemPage.objects.filter(pk__in=[version.pk for version in versions]).update(
            last_reviewed=today
        )
        for version in versions:
            for revision in {version.latest_revision, version.live_revision} - {None}:
                revision.content["last_reviewed"] = today.isoformat()
                revision.save(update_fields=["content"])
        ReviewConfirmation.objects.create(
            page=page, previous_review=previous, reviewed_on=today, confirmed_by=user
        )
        PageLogEntry.objects.log_action(page, LOG_ACTION, user=user, data={"previous": previous.isoformat()})
        bump()  # the public page loses its "not reviewed" notice now, not when the cache expires
    page.last_reviewed = today
    return page
