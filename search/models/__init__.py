from .documents import (
    DocumentPublic,
    DocumentSector,
    DocumentStructureType,
    DocumentTheme,
    DocumentZone,
    SearchDocument,
)
from .queries import ZeroResultQuery

__all__ = [
    "DocumentPublic",
    "DocumentSector",
    "DocumentStructureType",
    "DocumentTheme",
    "DocumentZone",
    "SearchDocument",
    "ZeroResultQuery",
]
