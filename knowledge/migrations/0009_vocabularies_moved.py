"""The terms move to the vocabularies app (same tables): knowledge's links point at it."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0008_term_uniqueness_messages"),
        ("vocabularies", "0001_vocabularies_from_knowledge_and_network"),
        ("network", "0008_vocabularies_moved"),
        ("events", "0003_vocabularies_moved"),
        ("offers", "0003_vocabularies_moved"),
        ("search", "0002_vocabularies_moved"),
        ("livreblanc", "0003_vocabularies_moved"),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='knowledgepublic',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.public'),
                ),
                migrations.AlterField(
                    model_name='knowledgesector',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.sector'),
                ),
                migrations.AlterField(
                    model_name='knowledgestructuretype',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.structuretype'),
                ),
                migrations.AlterField(
                    model_name='knowledgetheme',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.theme'),
                ),
                migrations.AlterField(
                    model_name='knowledgezone',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.zone'),
                ),
                migrations.AlterField(
                    model_name='knowledgeitempage',
                    name='publics',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='knowledge.KnowledgePublic', to='vocabularies.Public', verbose_name='publics'),
                ),
                migrations.AlterField(
                    model_name='knowledgeitempage',
                    name='sectors',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='knowledge.KnowledgeSector', to='vocabularies.Sector', verbose_name='secteurs'),
                ),
                migrations.AlterField(
                    model_name='knowledgeitempage',
                    name='structure_types',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='knowledge.KnowledgeStructureType', to='vocabularies.StructureType', verbose_name='types de structure'),
                ),
                migrations.AlterField(
                    model_name='knowledgeitempage',
                    name='themes',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='knowledge.KnowledgeTheme', to='vocabularies.Theme', verbose_name='thèmes'),
                ),
                migrations.AlterField(
                    model_name='knowledgeitempage',
                    name='zones',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='knowledge.KnowledgeZone', to='vocabularies.Zone', verbose_name='zones'),
                ),
                migrations.DeleteModel(
                    name='Public',
                ),
                migrations.DeleteModel(
                    name='Sector',
                ),
                migrations.DeleteModel(
                    name='StructureType',
                ),
                migrations.DeleteModel(
                    name='Theme',
                ),
                migrations.DeleteModel(
                    name='Zone',
                ),
            ],
        ),
    ]
