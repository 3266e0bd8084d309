"""Search documents' vocabulary links point at the vocabularies app, which now owns the terms."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("vocabularies", "0001_vocabularies_from_knowledge_and_network"),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='documentpublic',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='vocabularies.public'),
                ),
                migrations.AlterField(
                    model_name='documentsector',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='vocabularies.sector'),
                ),
                migrations.AlterField(
                    model_name='documentstructuretype',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='vocabularies.structuretype'),
                ),
                migrations.AlterField(
                    model_name='documenttheme',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='vocabularies.theme'),
                ),
                migrations.AlterField(
                    model_name='documentzone',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='vocabularies.zone'),
                ),
                migrations.AlterField(
                    model_name='searchdocument',
                    name='publics',
                    field=models.ManyToManyField(related_name='+', through='search.DocumentPublic', to='vocabularies.public'),
                ),
                migrations.AlterField(
                    model_name='searchdocument',
                    name='sectors',
                    field=models.ManyToManyField(related_name='+', through='search.DocumentSector', to='vocabularies.sector'),
                ),
                migrations.AlterField(
                    model_name='searchdocument',
                    name='structure_types',
                    field=models.ManyToManyField(related_name='+', through='search.DocumentStructureType', to='vocabularies.structuretype'),
                ),
                migrations.AlterField(
                    model_name='searchdocument',
                    name='themes',
                    field=models.ManyToManyField(related_name='+', through='search.DocumentTheme', to='vocabularies.theme'),
                ),
                migrations.AlterField(
                    model_name='searchdocument',
                    name='zones',
                    field=models.ManyToManyField(related_name='+', through='search.DocumentZone', to='vocabularies.zone'),
                ),
            ],
        ),
    ]
