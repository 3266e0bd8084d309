"""Last demo loader: links the navigation and footer to the sections the other loaders built."""

from .demo import configure_site_settings
from .roles import ensure_roles


def load(loader):
    loader.progress("Navigation et pied de page")
    configure_site_settings(loader, loader.read_json("site.json"))
    loader.progress("Droits des membres sur les sections")
    ensure_roles(loader.home)
