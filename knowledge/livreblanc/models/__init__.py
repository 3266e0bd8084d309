from .chapter import ChapterPage  # noqa: F401
from .consultation import Contribution, Support  # noqa: F401
from .edition import EditionPage  # noqa: F401
from .index import WhitePaperIndexPage  # noqa: F401
from .recommendation import (  # noqa: F401
    RecommendationEvent,
    RecommendationPage,
    RecommendationPractice,
    RecommendationStatus,
    RecommendationTheme,
)
