# The readers' feedback models live with their views; imported here so the app registers them.
from ..feedback.models import (  # noqa: F401
    DailyHelpfulness,
    FeedbackReason,
    Question,
    VoteReceipt,
)
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
