"""Per-organisation ownership: a member of a structure edits that structure's content only.

A user account is linked to structures by `OrganisationMembership`. Content that belongs to a
structure (its own page, its fiches and practices, its offers, its compagnons) names it in an
`organisation` field. Users restricted by ownership are everyone but superusers, moderators and
administrators: for them

- pages: `OwnedPagePermissionTester` lets them edit (and submit for moderation) a page of their
  structure, never another's, whatever the URL; Wagtail's own page permissions still decide who
  may add pages where and nobody but moderators publishes;
- listings and the admin search: `OwnershipPagePermissionPolicy` hides other structures' pages;
- snippets (compagnons): the personal-data policy (`passerelles.personal_data_admin`, with the
  scope in `network/wagtail_hooks.py`) keeps other structures' people out of every admin view;
- forms: `OwnedContentForm` offers only their structures in the `organisation` field.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Page, PagePermissionTester, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from passerelles.roles import ADMINISTRATORS, MODERATORS

UNRESTRICTED_GROUPS = (MODERATORS, ADMINISTRATORS)


def organisation_ids_of(user):
    """The pks of the structures the user belongs to (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_passerelles_organisation_ids"):
        # Through the reverse relation: the models import this module, not the other way round.
        user._passerelles_organisation_ids = frozenset(
            user.organisation_memberships.values_list("organisation_id", flat=True)
        )
    return user._passerelles_organisation_ids


def is_restricted_to_own_organisation(user):
    """True for members and coordinators: ownership applies; moderators and admins see all."""
    if not user.is_active or user.is_superuser:
        return False
    if not hasattr(user, "_passerelles_unrestricted"):
        user._passerelles_unrestricted = user.groups.filter(name__in=UNRESTRICTED_GROUPS).exists()
    return not user._passerelles_unrestricted


def user_owns(user, organisation_id):
    return organisation_id is not None and organisation_id in organisation_ids_of(user)


class OrganisationOwnedPage:
    """Mixin for page models that belong to a structure of the directory."""

    # The field naming the owning structure; OrganisationPage owns itself ("pk").
    owner_lookup = "organisation"

    def owning_organisation_id(self):
        return self.pk if self.owner_lookup == "pk" else getattr(self, f"{self.owner_lookup}_id")

    def permissions_for_user(self, user):
        return OwnedPagePermissionTester(user, self)


class OwnedPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.restricted = is_restricted_to_own_organisation(user)

    def is_own(self):
        """The page belongs to one of the user's structures (or is their draft with none yet)."""
        organisation_id = self.page.owning_organisation_id()
        if organisation_id is None:
            return self.page.owner_id == self.user.pk
        return user_owns(self.user, organisation_id)

    def can_edit(self):
        if not self.restricted:
            return super().can_edit()
        return self.user.is_active and self.is_own()

    def can_delete(self, ignore_bulk=False):
        if not self.restricted:
            return super().can_delete(ignore_bulk)
        # Members may discard a draft of their structure, never withdraw published content.
        return self.is_own() and not self.page.live and self.page.is_leaf()

    def can_copy(self):
        return not self.restricted and super().can_copy()

    def can_move(self):
        return not self.restricted and super().can_move()


def owned_page_models():
    return [model for model in get_page_models() if issubclass(model, OrganisationOwnedPage)]


def others_owned_pages(user):
    """Pages of owned types that belong to other structures than the user's."""
    own = organisation_ids_of(user)
    condition = Q()
    for model in owned_page_models():
        lookup = model.owner_lookup
        foreign = model.objects.exclude(**{f"{lookup}__in": own})
        if lookup != "pk":  # a draft without structure stays visible to its author
            foreign = foreign.exclude(**{f"{lookup}__isnull": True, "owner": user})
        condition |= Q(pk__in=foreign.values("pk"))
    return Page.objects.filter(condition) if condition else Page.objects.none()


class OwnershipPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with other structures' pages out of members' listings and search."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if not is_restricted_to_own_organisation(user):
            return pages
        own_organisation_pages = Page.objects.filter(pk__in=organisation_ids_of(user))
        return (
            pages.exclude(pk__in=others_owned_pages(user).values("pk")) | own_organisation_pages
        ).distinct()


def limit_organisation_field(form, user):
    """Restricted users pick among their own structures only, preselected when they have one."""
    field = form.fields.get("organisation")
    if field is None or user is None or not is_restricted_to_own_organisation(user):
        return
    own = organisation_ids_of(user)
    # A plain list of their structures rather than the page chooser, which browses the whole tree.
    field.widget = forms.Select()
    field.queryset = field.queryset.filter(pk__in=own)
    field.required = True
    field.error_messages["invalid_choice"] = _("Choisissez une structure dont vous êtes membre.")
    field.error_messages["required"] = _("Indiquez la structure dont vous êtes membre.")
    if not form.instance.pk and len(own) == 1:
        form.initial.setdefault("organisation", next(iter(own)))


class OwnedPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_organisation_field(self, self.for_user)


class OwnedSnippetForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_organisation_field(self, self.for_user)
