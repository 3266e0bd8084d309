"""Event tags point at the vocabularies app, which now owns the terms (same tables)."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_tag_related_names"),
        ("vocabularies", "0001_vocabularies_from_knowledge_and_network"),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventpage',
                    name='publics',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='events.EventPublic', to='vocabularies.Public', verbose_name='publics'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='sectors',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='events.EventSector', to='vocabularies.Sector', verbose_name='secteurs'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='zones',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='events.EventZone', to='vocabularies.Zone', verbose_name='zones'),
                ),
                migrations.AlterField(
                    model_name='eventpublic',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.public'),
                ),
                migrations.AlterField(
                    model_name='eventsector',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.sector'),
                ),
                migrations.AlterField(
                    model_name='eventzone',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.zone'),
                ),
            ],
        ),
    ]
