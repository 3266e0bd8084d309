from .documents import (
    DocumentPublic,
    DocumentSector,
    DocumentStructureType,
    DocumentTheme,
    DocumentZone,
    SearchDocument,
)
from .queries import QueryStat, ZeroResultQuery

__all__ = [
    "DocumentPublic",
    "DocumentSector",
    "DocumentStructureType",
    "DocumentTheme",
    "DocumentZone",
    "QueryStat",
    "SearchDocument",
    "ZeroResultQuery",
]
