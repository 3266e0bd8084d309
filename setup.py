"""Maps the folder `site/` to the import name `passerelles` (the standard library owns `site`)."""

from setuptools import find_packages, setup

APPS = ["alerts", "knowledge", "network", "opendata", "search", "usage"]

packages = ["passerelles"] + [f"passerelles.{name}" for name in find_packages("site")]
packages += [name for name in find_packages(".") if name.split(".")[0] in APPS]

setup(packages=packages, package_dir={"passerelles": "site"})
