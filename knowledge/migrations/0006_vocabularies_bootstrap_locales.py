"""Vocabularies become translatable, step 2 of 3: existing terms are the French originals."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0005_vocabularies_bootstrap_translatable"),
    ]

    operations = [
        BootstrapTranslatableModel("knowledge.Sector"),
        BootstrapTranslatableModel("knowledge.Public"),
        BootstrapTranslatableModel("knowledge.Theme"),
        BootstrapTranslatableModel("knowledge.StructureType"),
        BootstrapTranslatableModel("knowledge.Zone"),
    ]
