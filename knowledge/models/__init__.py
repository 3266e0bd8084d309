from .pages import (  # noqa: F401
    BonnePratiquePage,
    FicheActionPage,
    KnowledgeIndexPage,
    KnowledgeItemPage,
    PracticeOrganisation,
    ReviewConfirmation,
)
from .tagging import (  # noqa: F401
    KnowledgePublic,
    KnowledgeSector,
    KnowledgeStructureType,
    KnowledgeTheme,
    KnowledgeZone,
)
