"""Personal data in the admin: one rule per model, applied by every admin view of that model.

Wagtail checks model permissions ("may this user change compagnons?") in each view, but only
the edit and delete views ask about the instance, and the chooser asks nothing at all. For the
models that hold data about people (compagnons, registrations, meetup requests, white-paper
contributions) that is not enough: a member must see their own structure's people only, a
calendar's coordinators the registrations of their calendar only.

Each app declares its rule once, as a *scope*: a function `(user, queryset) -> queryset` that
keeps the records the user may see. `personal_data_policy(model, scope)` registers Wagtail's
permission policy for the model (so bulk actions, the edit and delete checks and anything asking
`policy_registry` obey it), and `PersonalDataViewSetMixin` makes every view of the snippet viewset
go through it: the listing, its search and its CSV/XLSX export, and every view that loads one
record (inspect, edit, copy, delete, history, usage, revisions, workflow, lock...), and the chooser
(its list, its search results and the "chosen" answer). A record outside the scope answers 404,
as if it did not exist. The site-wide history report (`ScopedSiteHistoryView`) leaves out the log
entries of records outside the scope: their labels name people.
"""

from functools import reduce
from operator import or_

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.chooser import SnippetChooserViewSet

# Any of these model permissions lets a user into the model's admin (then the scope applies).
ADMIN_ACTIONS = ["add", "change", "delete", "view", "publish", "lock", "unlock"]
# The models given a policy by `personal_data_policy`, in registration order.
PERSONAL_DATA_MODELS = []


class PersonalDataPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed to the records `scope(user, queryset)` keeps."""

    def __init__(self, model, scope, **kwargs):
        super().__init__(model, **kwargs)
        self.scope = scope

    def visible_to(self, user, queryset=None):
        """The records this user may open in the admin at all (whatever the action)."""
        if queryset is None:
            queryset = self.model._default_manager.all()
        if not getattr(user, "is_authenticated", False) or not self.user_has_any_permission(
            user, ADMIN_ACTIONS
        ):
            return queryset.none()
        return self.scope(user, queryset)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return self.scope(user, instances) if instances.exists() else instances

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and self.in_scope(
            user, instance
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and self.in_scope(
            user, instance
        )

    def in_scope(self, user, instance):
        return self.scope(user, self.model._default_manager.filter(pk=instance.pk)).exists()


def personal_data_policy(model, scope):
    """Registers (once) and returns the policy of a personal-data model.

    Call it at import time of the app's wagtail_hooks, before its viewset: Wagtail refuses a
    policy registered after a fallback was created for the model."""
    policy = policy_registry.get_by_type(model, fallback=False)
    if not isinstance(policy, PersonalDataPermissionPolicy):
        policy = PersonalDataPermissionPolicy(model, scope)
        register_permission_policy(model, policy, exact_class=True)
        PERSONAL_DATA_MODELS.append(model)
    return policy


def policy_of(model):
    return policy_registry.get_by_type(model)


def visible_or_404(view, instance):
    if instance is not None and not policy_of(view.model).in_scope(view.request.user, instance):
        raise Http404
    return instance


class OnlyVisibleObject:
    """Mixed into every view of the viewset that loads one record: outside the scope, a 404."""

    def get_object(self, *args, **kwargs):
        return visible_or_404(self, super().get_object(*args, **kwargs))


class PersonalDataChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser, listing and answering only what the user may see."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_chooser_view(view_class), **kwargs)


class DatabaseSearchForm(BaseFilterForm):
    """The chooser's search, in the database like the listing's: a search index knows no scope."""

    q = forms.CharField(
        label=_("Rechercher"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Rechercher")}),
    )
    search_fields = ()

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query and self.search_fields:
            objects = objects.filter(
                reduce(or_, (Q(**{f"{name}__icontains": query}) for name in self.search_fields))
            )
            self.is_searching, self.search_query = True, query
        return objects


def scoped_chooser_view(view_class):
    """The chooser's list (and search results), its "chosen" answers: the scope applies to all."""

    class ScopedChooserView(view_class):
        def get_filter_form_class(self):
            search_fields = getattr(self.model_class.snippet_viewset, "search_fields", None) or ()
            return type("FilterForm", (DatabaseSearchForm,), {"search_fields": tuple(search_fields)})

        def scoped(self, queryset):
            return policy_of(self.model_class).visible_to(self.request.user, queryset)

        def get_object_list(self):
            return self.scoped(super().get_object_list())

        def get_object(self, pk):  # ChosenView: an id outside the scope is a 404
            return self.scoped(self.model_class.objects.all()).get(pk=pk)

        def get_objects(self, pks):
            return self.scoped(self.model_class.objects.filter(pk__in=pks))

    ScopedChooserView.__name__ = view_class.__name__
    return ScopedChooserView


class PersonalDataViewSetMixin:
    """For the SnippetViewSet of a personal-data model: every view applies the model's policy."""

    chooser_viewset_class = PersonalDataChooserViewSet
    # The admin search runs in the database on the scoped queryset: a search index would ignore it.
    search_backend_name = None

    def get_queryset(self, request):
        return policy_of(self.model).visible_to(request.user, self.get_base_queryset(request))

    def get_base_queryset(self, request):
        """Override to add select_related and the like; the scope is applied on top."""
        return self.model._default_manager.all()

    def construct_view(self, view_class, **kwargs):
        if hasattr(view_class, "get_object") and not issubclass(view_class, OnlyVisibleObject):
            view_class = type(view_class.__name__, (OnlyVisibleObject, view_class), {})
        return super().construct_view(view_class, **kwargs)


def visible_log_entries(user, entries):
    """`entries` (a log-entry queryset) without those about personal records outside the user's
    scope (a compagnon's log entry carries their name). Page log entries are about pages: kept."""
    if not any(field.name == "object_id" for field in entries.model._meta.get_fields()):
        return entries
    for model in PERSONAL_DATA_MODELS:
        visible = policy_of(model).visible_to(user).annotate(key=Cast("pk", CharField())).values("key")
        content_type = ContentType.objects.get_for_model(model)
        entries = entries.exclude(Q(content_type=content_type) & ~Q(object_id__in=visible))
    return entries


class ScopedSiteHistoryView(LogEntriesView):
    """Wagtail's site history report (Reports > Site history), each personal-data model's scope
    applied to its entries: served at Wagtail's own URLs by the project's urls.py."""

    def filter_queryset(self, queryset):
        return visible_log_entries(self.request.user, super().filter_queryset(queryset))
