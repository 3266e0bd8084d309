"""Last demo loader: links the navigation and footer to the sections the other loaders built."""

from .demo import configure_site_settings


def load(loader):
    loader.progress("Navigation et pied de page")
    configure_site_settings(loader, loader.read_json("site.json"))
