"""The publication generation: one number that changes whenever public content may have changed.

Everything cached for visitors (whole pages, the site frame's fragments, the map's GeoJSON) is
keyed by this number, so bumping it invalidates all of it at once in every process sharing the
cache: nothing has to know which page depends on which. It is bumped on Wagtail's publish,
unpublish, move and delete signals, and on any saved or deleted row of a model that can show on
a public page (settings, snippets, vocabularies, people, registrations, supports...): see
`ChangeWatcher`. The generation is also the time of the last change, used as Last-Modified.
"""

import time
from email.utils import formatdate

from django.core.cache import cache

GENERATION_KEY = "passerelles:publication-generation"
# Rows that never show on a public page: saving them must not empty the cache. Search logs are
# written on every search, sessions on every login, revisions and logs on every draft.
IGNORED_APPS = {
    "migrations",
    "sessions",
    "admin",
    "contenttypes",
    "wagtailsearch",
    "search",
    "django_tasks_database",
    "reminders",  # what reminders were sent, who stopped them: never on a public page
}
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
    "auth.user",  # last_login changes at every login
    # Readers' votes and reasons on fiches: never public. Questions bump themselves when they show.
    "knowledge.dailyhelpfulness",
    "knowledge.votereceipt",
    "knowledge.feedbackreason",
    "knowledge.question",
    # Wagtail's "Search terms" report, written by visitors' searches (editors' picks still count).
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
}


def generation():
    """The current generation (nanoseconds since the epoch of the last change)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        # `add` keeps a value another process set in the meantime.
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY) or value
    return value


def _bump_now():
    cache.set(GENERATION_KEY, max(time.time_ns(), (cache.get(GENERATION_KEY) or 0) + 1), timeout=None)


def bump(**_kwargs):
    """Public content may have changed: every cached page and fragment is stale from now on.

    Bumped at once and again at commit: a page built by another process between the change and
    the commit (still reading the old rows) is cached under the first bump, not the last one."""
    from django.db import connection, transaction

    _bump_now()
    # Once per transaction is enough at commit (a demo load or an import sends thousands of
    # signals). A callback of a savepoint rolled back is dropped from the list: the next bump
    # registers one again.
    if not any(callback is _bump_now for _sids, callback, _robust in connection.run_on_commit):
        transaction.on_commit(_bump_now)


def last_modified(value=None):
    """The HTTP date of the generation (Last-Modified of every cached response)."""
    return formatdate((value or generation()) / 1e9, usegmt=True)


def versioned_key(*parts, current=None):
    """A cache key that changes with the generation (`current` when the caller has read it)."""
    return ":".join(["passerelles", str(current or generation()), *map(str, parts)])


def watches(model):
    meta = model._meta
    return meta.app_label not in IGNORED_APPS and meta.label_lower not in IGNORED_MODELS


def model_changed(sender, **kwargs):
    if watches(sender) and not kwargs.get("raw") and not _created_setting(sender, kwargs):
        bump()


def _created_setting(sender, kwargs):
    """A site setting created on first read holds the defaults the pages already showed."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return kwargs.get("created", False) and issubclass(sender, BaseSiteSetting | BaseGenericSetting)


def connect():
    """Connects the signals (called once from the app config)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump, dispatch_uid=f"publication-bump-{id(signal)}")
    post_save.connect(model_changed, dispatch_uid="publication-bump-save")
    post_delete.connect(model_changed, dispatch_uid="publication-bump-delete")
    m2m_changed.connect(model_changed, dispatch_uid="publication-bump-m2m")
