"""Meetup formats move to the vocabularies app (same table): network's links point at it."""

import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import passerelles.vocabularies.models
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0007_term_uniqueness_messages"),
        ("vocabularies", "0001_vocabularies_from_knowledge_and_network"),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='meetuprequest',
                    name='format',
                    field=models.ForeignKey(blank=True, limit_choices_to=passerelles.vocabularies.models.canonical_choices, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='vocabularies.meetupformat', verbose_name='format souhaité'),
                ),
                migrations.AlterField(
                    model_name='organisationpage',
                    name='publics',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='network.OrganisationPublic', to='vocabularies.Public', verbose_name='publics'),
                ),
                migrations.AlterField(
                    model_name='organisationpage',
                    name='sectors',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='network.OrganisationSector', to='vocabularies.Sector', verbose_name='secteurs'),
                ),
                migrations.AlterField(
                    model_name='organisationpage',
                    name='structure_type',
                    field=models.ForeignKey(limit_choices_to=passerelles.vocabularies.models.canonical_choices, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.structuretype', verbose_name='type de structure'),
                ),
                migrations.AlterField(
                    model_name='organisationpage',
                    name='zone',
                    field=models.ForeignKey(limit_choices_to=passerelles.vocabularies.models.canonical_choices, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.zone', verbose_name='zone'),
                ),
                migrations.AlterField(
                    model_name='organisationpublic',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.public'),
                ),
                migrations.AlterField(
                    model_name='organisationsector',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.sector'),
                ),
                migrations.AlterField(
                    model_name='person',
                    name='formats',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=passerelles.vocabularies.models.canonical_choices, related_name='+', to='vocabularies.meetupformat', verbose_name='formats proposés'),
                ),
                migrations.AlterField(
                    model_name='person',
                    name='sectors',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='network.PersonSector', to='vocabularies.Sector', verbose_name='secteurs'),
                ),
                migrations.AlterField(
                    model_name='personsector',
                    name='tag',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='vocabularies.sector'),
                ),
                migrations.DeleteModel(
                    name='MeetupFormat',
                ),
            ],
        ),
    ]
