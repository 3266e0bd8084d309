"""Recommendation themes point at the vocabularies app, which now owns the terms (same tables)."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("livreblanc", "0002_tag_related_names"),
        ("vocabularies", "0001_vocabularies_from_knowledge_and_network"),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='recommendationpage',
                    name='themes',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='Choisissez parmi les thèmes de la taxonomie.', through='livreblanc.RecommendationTheme', to='vocabularies.Theme', verbose_name='thèmes (freins)'),
                ),
                migrations.AlterField(
                    model_name='recommendationtheme',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.theme'),
                ),
            ],
        ),
    ]
