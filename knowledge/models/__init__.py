from .taxonomy import Public, Sector, StructureType, Theme, Zone  # noqa: F401
