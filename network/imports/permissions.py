"""Who imports what: coordinators and administrators; calendars only for their coordinators."""

from passerelles.roles import ADMINISTRATORS, COORDINATORS

from ..events.models import CalendarPage


def can_import_everywhere(user):
    """Administrators (and superusers) import into the directory and into every calendar."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists())


def can_import_structures(user):
    return can_import_everywhere(user) or (user.is_active and user.groups.filter(name=COORDINATORS).exists())


def importable_calendars(user):
    """The French calendars `user` may import events into: those whose group they belong to."""
    calendars = CalendarPage.objects.filter(locale__language_code="fr").order_by("title")
    if can_import_everywhere(user):
        return calendars
    if not user.is_active:
        return calendars.none()
    return calendars.filter(coordinators__in=user.groups.all())


def can_use_imports(user):
    return can_import_structures(user) or importable_calendars(user).exists()


def can_undo(user, batch):
    """The person who imported, or an administrator."""
    return can_import_everywhere(user) or (batch.user_id == user.pk and can_use_imports(user))
