from .pages import AgendaPage, CalendarPage, EventPage  # noqa: F401
from .recurrence import EventExceptionDate  # noqa: F401
from .registration import EventSchedule, Registration  # noqa: F401
from .tagging import EventPublic, EventSector, EventZone  # noqa: F401
