from .directory import DirectoryPage  # noqa: F401
from .imports import ImportBatch, ImportedPage, ImportKind, ImportStatus  # noqa: F401
from .joining import JoinRequest, JoinStatus, ZoneCoordinator  # noqa: F401
from .meetups import MeetupRequest, MeetupRequestStatusChange, MeetupStatus  # noqa: F401
from .membership import OrganisationMembership  # noqa: F401
from .organisation import OrganisationPage  # noqa: F401
from .people import Person  # noqa: F401
from .tagging import OrganisationPublic, OrganisationSector, PersonSector  # noqa: F401
