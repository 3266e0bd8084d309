"""The roles of Passerelles as Wagtail groups with French names, and the moderation workflow.

- Membres: staff of a structure; edit and submit content, never publish it themselves.
- Coordinateurs: run calendars, follow meetup requests, moderate white-paper contributions;
  decide the join requests of the zones they coordinate and invite members.
- Modérateurs: approve what members submit (the workflow's approval task) and publish.
- Administrateurs: everything, including users, groups and taxonomy.

`ensure_roles()` is idempotent; `manage.py setup_roles` and the demo loader call it. Section
apps grant their own page permissions to these groups (see `grant_section`).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

MEMBERS = "Membres"
COORDINATORS = "Coordinateurs"
MODERATORS = "Modérateurs"
ADMINISTRATORS = "Administrateurs"
ROLE_NAMES = [MEMBERS, COORDINATORS, MODERATORS, ADMINISTRATORS]

WORKFLOW_NAME = "Relecture par la modération"
APPROVAL_TASK_NAME = "Validation par un modérateur"

# Page permissions every role holds on the whole tree below the home page.
TREE_PERMISSIONS = {
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
# Model permissions (snippets, documents, images, taxonomy...) granted by app label.
ADMINISTRATOR_APPS = [
    "knowledge",
    "network",
    "events",
    "offers",
    "livreblanc",
    "search",
    "passerelles",
    "vocabularies",
    "outbox",  # its policy grants only "view" (and retry): stored mails are never edited
    "wagtaildocs",
    "wagtailimages",
    "wagtailsearchpromotions",
    "wagtailredirects",
    "auth",
]
# Members write their structure's compagnons (limited to their structure by network.ownership).
MEMBER_ONLY_MODEL_PERMISSIONS = [
    ("network", "add_person"),
    ("network", "change_person"),
    ("network", "delete_person"),
    ("network", "view_person"),
    # Readers' questions about their structure's fiches (scoped in knowledge/feedback/admin.py): answered here.
    ("knowledge", "view_question"),
    ("knowledge", "change_question"),
]
# Coordinators follow meetup requests and moderate white-paper contributions.
COORDINATOR_MODEL_PERMISSIONS = [
    ("network", "view_meetuprequest"),
    ("network", "change_meetuprequest"),
    # Join requests of the zones they coordinate (network.joining.admin narrows to those).
    ("network", "view_joinrequest"),
    ("network", "change_joinrequest"),
    ("livreblanc", "view_contribution"),
    ("livreblanc", "change_contribution"),
    ("events", "view_registration"),
    # Who follows what (alerts): read and stop a subscription, never write one for someone.
    ("alerts", "view_subscription"),
    ("alerts", "delete_subscription"),
]
# Moderators review everything members write, compagnons included.
MODERATOR_MODEL_PERMISSIONS = [
    ("network", "view_person"),
    ("network", "change_person"),
    ("network", "publish_person"),
    ("livreblanc", "view_contribution"),
    ("livreblanc", "change_contribution"),
    # Readers' questions: published or refused here, spam deleted.
    ("knowledge", "view_question"),
    ("knowledge", "change_question"),
    ("knowledge", "delete_question"),
]
# Snippets members write that go through the same moderation as pages.
MODERATED_SNIPPETS = [("network", "person")]
# Page types below which members create content ("add" only: editing is by ownership).
MEMBER_SECTIONS = [("knowledge", "knowledgeindexpage"), ("offers", "offersindexpage")]
MEMBER_MODEL_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]


def permission(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


@transaction.atomic
def ensure_roles(home=None):
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_NAMES}
    access_admin = permission("wagtailadmin", "access_admin")
    for group in groups.values():
        group.permissions.add(access_admin)
    for app_label, codename in MEMBER_MODEL_PERMISSIONS:
        perm = permission(app_label, codename)
        if perm:
            for name in (MEMBERS, COORDINATORS, MODERATORS):
                groups[name].permissions.add(perm)
    for name, model_permissions in (
        (MEMBERS, MEMBER_ONLY_MODEL_PERMISSIONS),
        (COORDINATORS, COORDINATOR_MODEL_PERMISSIONS),
        (MODERATORS, MODERATOR_MODEL_PERMISSIONS),
    ):
        groups[name].permissions.add(
            *filter(None, (permission(app_label, codename) for app_label, codename in model_permissions))
        )
    groups[ADMINISTRATORS].permissions.add(
        *Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS)
    )
    if home is not None:
        for name, codenames in TREE_PERMISSIONS.items():
            grant_section(groups[name], home, codenames)
        ensure_moderation_workflow(home, groups[MODERATORS])
        for section in member_sections(home):
            grant_section(groups[MEMBERS], section, ["add_page"])
    return groups


def member_sections(home):
    """The section pages (fiches, offers) below `home` where members write."""
    types = [ContentType.objects.get_by_natural_key(app, model) for app, model in MEMBER_SECTIONS]
    return Page.objects.descendant_of(home).filter(content_type__in=types)


def grant_section(group, page, codenames):
    """Gives `group` the page permissions `codenames` (e.g. "add_page") on `page` and below."""
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission("wagtailcore", codename)
        )


def ensure_moderation_workflow(home, moderators):
    """Every page below `home` goes through a moderator's approval before publication."""
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.set([moderators])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    # Not workflow.workflow_tasks.create(): that ParentalKey manager only adds in memory.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.objects.get(pk=home.pk), defaults={"workflow": workflow})
    for app_label, model_name in MODERATED_SNIPPETS:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
    return workflow


ROLE_DESCRIPTIONS = {
    MEMBERS: _("Personnel d’une structure : rédige et soumet ses contenus."),
    COORDINATORS: _("Coordination de réseau ou de zone : agendas, demandes de rencontre, livre blanc."),
    MODERATORS: _("Relit et publie les contenus soumis."),
    ADMINISTRATORS: _("Gère les utilisateurs, la taxonomie et les traductions."),
}
