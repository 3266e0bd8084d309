from .pages import (  # noqa: F401
    BonnePratiquePage,
    FicheActionPage,
    KnowledgeIndexPage,
    KnowledgeItemPage,
    PracticeOrganisation,
)
from .tagging import (  # noqa: F401
    KnowledgePublic,
    KnowledgeSector,
    KnowledgeStructureType,
    KnowledgeTheme,
    KnowledgeZone,
)
