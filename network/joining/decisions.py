"""The life of a join request: saved, confirmed by its e-mail address, then decided once.

Mails go through the outbox (`send_mail`): stored in the same transaction as the change they
announce. Approval creates (or reuses) the person's account in the Membres group, links it to the
structure, and for a new structure creates its page as a draft in the directory, which the new
member completes and submits for moderation like any of their structure's content.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from passerelles.accounts import account_for, login_link, password_link
from passerelles.public_address import absolute_url
from passerelles.roles import ADMINISTRATORS, MEMBERS

from ..models import DirectoryPage, JoinRequest, JoinStatus, OrganisationMembership, OrganisationPage
from . import tokens


class AlreadyDecided(Exception):
    """The request was decided (or is not confirmed yet): nothing changes."""


def confirm_url(join_request, request=None):
    return absolute_url(reverse("network_join_confirm", args=[tokens.make(join_request)]), request)


def mail(subject, template, context, recipients, language):
    with translation.override(language):
        send_mail(str(subject), render_to_string(template, context), None, recipients)


def send_confirmation(join_request, request=None):
    context = {"join": join_request, "link": confirm_url(join_request, request), "days": tokens.MAX_AGE.days}
    mail(
        gettext_lazy("Confirmez votre demande d’adhésion à Passerelles"),
        "network/emails/join_confirm.txt",
        context,
        [join_request.email],
        join_request.language,
    )


def deciders_of(zone):
    """The e-mail addresses of the zone's coordinators, or of the administrators if it has none."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    coordinators = users.filter(coordinated_zones__zone=zone) if zone is not None else users.none()
    if not coordinators.exists():
        coordinators = users.filter(Q(is_superuser=True) | Q(groups__name=ADMINISTRATORS))
    return sorted(set(coordinators.values_list("email", flat=True)))


@transaction.atomic
def confirm(join_request, request=None):
    """Confirms the e-mail address (once) and tells the deciders; True if it was confirmed now."""
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if locked.status != JoinStatus.UNCONFIRMED:
        return False
    locked.status = JoinStatus.PENDING
    locked.confirmed_at = timezone.now()
    locked.save(update_fields=["status", "confirmed_at"])
    recipients = deciders_of(locked.zone)
    if recipients:
        link = absolute_url(reverse("wagtailsnippets_network_joinrequest:inspect", args=[locked.pk]), request)
        mail(
            gettext_lazy("Nouvelle demande d’adhésion à examiner"),
            "network/emails/join_to_decide.txt",
            {"join": locked, "link": link},
            recipients,
            settings.LANGUAGE_CODE,
        )
    join_request.status, join_request.confirmed_at = locked.status, locked.confirmed_at
    return True


def lock_pending(join_request):
    locked = (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=join_request.pk)
    )
    if locked.status != JoinStatus.PENDING:
        raise AlreadyDecided
    return locked


def unique_slug(parent, title):
    taken = set(parent.get_children().values_list("slug", flat=True))
    base = slugify(title)[:200] or "structure"
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def create_draft_structure(join_request, user):
    """The new structure's page, a draft in the French directory owned by the new member."""
    directory = DirectoryPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if directory is None:
        directory = DirectoryPage.objects.first()
    page = OrganisationPage(
        title=join_request.structure_name,
        slug=unique_slug(directory, join_request.structure_name),
        structure_type=join_request.structure_type,
        street_address=join_request.street_address,
        postcode=join_request.postcode,
        municipality=join_request.municipality,
        zone=join_request.zone,
        agrement_number="",
        live=False,
        has_unpublished_changes=True,
        owner=user,
    )
    directory.add_child(instance=page)
    page.save_revision(user=user)
    return page


@transaction.atomic
def approve(join_request, decided_by, request=None):
    locked = lock_pending(join_request)
    user, created = account_for(locked.email, locked.first_name, locked.last_name, MEMBERS)
    organisation = locked.organisation
    if locked.is_new_structure:
        organisation = create_draft_structure(locked, user)
    OrganisationMembership.objects.get_or_create(user=user, organisation=organisation)
    locked.status = JoinStatus.APPROVED
    locked.decided_at = timezone.now()
    locked.decided_by = decided_by
    locked.user = user
    locked.organisation = organisation
    locked.save(update_fields=["status", "decided_at", "decided_by", "user", "organisation"])
    context = {
        "join": locked,
        "organisation": organisation,
        "link": password_link(user, request) if created or not user.has_usable_password() else None,
        "login_link": login_link(request),
    }
    mail(
        gettext_lazy("Votre demande d’adhésion à Passerelles est acceptée"),
        "network/emails/join_approved.txt",
        context,
        [locked.email],
        locked.language,
    )
    return locked


@transaction.atomic
def refuse(join_request, decided_by, reason=""):
    locked = lock_pending(join_request)
    locked.status = JoinStatus.REFUSED
    locked.decided_at = timezone.now()
    locked.decided_by = decided_by
    locked.refusal_reason = reason
    locked.save(update_fields=["status", "decided_at", "decided_by", "refusal_reason"])
    mail(
        gettext_lazy("Votre demande d’adhésion à Passerelles"),
        "network/emails/join_refused.txt",
        {"join": locked},
        [locked.email],
        locked.language,
    )
    return locked
