from .directory import DirectoryPage  # noqa: F401
from .meetups import MeetupRequest, MeetupRequestStatusChange, MeetupStatus  # noqa: F401
from .membership import OrganisationMembership  # noqa: F401
from .organisation import OrganisationPage, OrganisationPublic, OrganisationSector  # noqa: F401
from .people import MeetupFormat, Person, PersonSector  # noqa: F401
