"""Demo vocabularies from fixtures/taxonomy.json; values are matched by their stable slug."""

from .models.taxonomy import Public, Sector, StructureType, Theme, Zone

MODELS = {
    "sectors": Sector,
    "publics": Public,
    "themes": Theme,
    "structure_types": StructureType,
    "zones": Zone,
}


def load(loader):
    data = loader.read_json("taxonomy.json")
    for key, model in MODELS.items():
        for order, entry in enumerate(loader.step(model._meta.verbose_name_plural, data[key])):
            fields = {k: v for k, v in entry.items() if k != "slug"}
            model.objects.update_or_create(slug=entry["slug"], defaults={**fields, "sort_order": order})
