"""The licence of everything the API and the exports publish (stated on the developers' page)."""

from django.utils.translation import gettext_lazy as _

# Creative Commons Attribution 4.0: the published data are mostly texts written by the members
# (fiches, practices, descriptions), which CC BY covers as works; it is compatible with the
# Licence Ouverte 2.0 / Open Licence of Belgian and French administrations (both ask attribution
# only), and unlike ODbL it asks reusers nothing but a credit, so a counsellor's tool can mix it
# with other sources.
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.fr"
ATTRIBUTION = _("Source : Passerelles, réseau de l’insertion socioprofessionnelle (CC BY 4.0)")
