"""Offer tags point at the vocabularies app, which now owns the terms (same tables)."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0002_tag_related_names"),
        ("vocabularies", "0001_vocabularies_from_knowledge_and_network"),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='offerpage',
                    name='publics',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='offers.OfferPublic', to='vocabularies.Public', verbose_name='publics'),
                ),
                migrations.AlterField(
                    model_name='offerpage',
                    name='sectors',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='offers.OfferSector', to='vocabularies.Sector', verbose_name='secteurs'),
                ),
                migrations.AlterField(
                    model_name='offerpage',
                    name='zones',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='offers.OfferZone', to='vocabularies.Zone', verbose_name='zone'),
                ),
                migrations.AlterField(
                    model_name='offerpublic',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.public'),
                ),
                migrations.AlterField(
                    model_name='offersector',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.sector'),
                ),
                migrations.AlterField(
                    model_name='offerzone',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.zone'),
                ),
            ],
        ),
    ]
