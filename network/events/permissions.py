"""Each calendar has its coordinators group, allowed to publish in that calendar only."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def ensure_coordinators_group(calendar):
    """Creates (or repairs) the calendar's group: admin access and add/change/publish below it."""
    name = f"Coordination — {calendar.title}"[:140] + f" #{calendar.pk}"
    group = calendar.coordinators
    if group is None:
        group, _created = Group.objects.get_or_create(name=name)
        type(calendar).objects.filter(pk=calendar.pk).update(coordinators=group)
        calendar.coordinators = group
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="events", codename="view_registration"),
    )
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=calendar,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group
