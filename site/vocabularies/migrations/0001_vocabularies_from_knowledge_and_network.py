"""The vocabularies and meetup formats, which the knowledge and network apps created, now belong
to this app. Their tables keep their names and their rows: only Django's picture of the models
changes, and the content types follow, so that revisions, wagtail-localize translation sources,
the reference index and permissions keep pointing at the same terms."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

MOVED = {
    "knowledge": ["sector", "public", "theme", "structuretype", "zone"],
    "network": ["meetupformat"],
}


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, models_moved in MOVED.items():
        ContentType.objects.filter(app_label=app_label, model__in=models_moved).update(app_label="vocabularies")


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, models_moved in MOVED.items():
        ContentType.objects.filter(app_label="vocabularies", model__in=models_moved).update(app_label=app_label)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("knowledge", "0008_term_uniqueness_messages"),
        ("network", "0007_term_uniqueness_messages"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MeetupFormat',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=80, verbose_name='nom')),
                        ('slug', models.SlugField(max_length=80, verbose_name='identifiant')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='ordre')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'format de rencontre',
                        'verbose_name_plural': 'formats de rencontre',
                        'db_table': 'network_meetupformat',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='network_meetupformat_unique_slug_per_locale', violation_error_message='Un autre terme de cette langue porte déjà cet identifiant.'), models.UniqueConstraint(fields=('locale', 'name'), name='network_meetupformat_unique_name_per_locale', violation_error_message='Un autre terme de cette langue porte déjà ce nom.')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='Public',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='nom')),
                        ('slug', models.SlugField(allow_unicode=True, help_text='Utilisé dans les adresses des filtres (?secteur=…) ; le même dans toutes les langues.', max_length=100, verbose_name='identifiant')),
                        ('description', models.CharField(blank=True, max_length=255, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='ordre')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'public',
                        'verbose_name_plural': 'publics',
                        'db_table': 'knowledge_public',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='knowledge_public_unique_slug_per_locale', violation_error_message='Un autre terme de cette langue porte déjà cet identifiant.'), models.UniqueConstraint(fields=('locale', 'name'), name='knowledge_public_unique_name_per_locale', violation_error_message='Un autre terme de cette langue porte déjà ce nom.')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='Sector',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='nom')),
                        ('slug', models.SlugField(allow_unicode=True, help_text='Utilisé dans les adresses des filtres (?secteur=…) ; le même dans toutes les langues.', max_length=100, verbose_name='identifiant')),
                        ('description', models.CharField(blank=True, max_length=255, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='ordre')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'secteur',
                        'verbose_name_plural': 'secteurs',
                        'db_table': 'knowledge_sector',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='knowledge_sector_unique_slug_per_locale', violation_error_message='Un autre terme de cette langue porte déjà cet identifiant.'), models.UniqueConstraint(fields=('locale', 'name'), name='knowledge_sector_unique_name_per_locale', violation_error_message='Un autre terme de cette langue porte déjà ce nom.')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='StructureType',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='nom')),
                        ('slug', models.SlugField(allow_unicode=True, help_text='Utilisé dans les adresses des filtres (?secteur=…) ; le même dans toutes les langues.', max_length=100, verbose_name='identifiant')),
                        ('description', models.CharField(blank=True, max_length=255, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='ordre')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'type de structure',
                        'verbose_name_plural': 'types de structure',
                        'db_table': 'knowledge_structuretype',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='knowledge_structuretype_unique_slug_per_locale', violation_error_message='Un autre terme de cette langue porte déjà cet identifiant.'), models.UniqueConstraint(fields=('locale', 'name'), name='knowledge_structuretype_unique_name_per_locale', violation_error_message='Un autre terme de cette langue porte déjà ce nom.')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='Theme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='nom')),
                        ('slug', models.SlugField(allow_unicode=True, help_text='Utilisé dans les adresses des filtres (?secteur=…) ; le même dans toutes les langues.', max_length=100, verbose_name='identifiant')),
                        ('description', models.CharField(blank=True, max_length=255, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='ordre')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'thème',
                        'verbose_name_plural': 'thèmes',
                        'db_table': 'knowledge_theme',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='knowledge_theme_unique_slug_per_locale', violation_error_message='Un autre terme de cette langue porte déjà cet identifiant.'), models.UniqueConstraint(fields=('locale', 'name'), name='knowledge_theme_unique_name_per_locale', violation_error_message='Un autre terme de cette langue porte déjà ce nom.')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='Zone',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=100, verbose_name='nom')),
                        ('slug', models.SlugField(allow_unicode=True, help_text='Utilisé dans les adresses des filtres (?secteur=…) ; le même dans toutes les langues.', max_length=100, verbose_name='identifiant')),
                        ('description', models.CharField(blank=True, max_length=255, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='ordre')),
                        ('latitude', models.DecimalField(blank=True, decimal_places=5, max_digits=8, null=True, verbose_name='latitude du centre')),
                        ('longitude', models.DecimalField(blank=True, decimal_places=5, max_digits=8, null=True, verbose_name='longitude du centre')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'verbose_name': 'zone',
                        'verbose_name_plural': 'zones',
                        'db_table': 'knowledge_zone',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='knowledge_zone_unique_slug_per_locale', violation_error_message='Un autre terme de cette langue porte déjà cet identifiant.'), models.UniqueConstraint(fields=('locale', 'name'), name='knowledge_zone_unique_name_per_locale', violation_error_message='Un autre terme de cette langue porte déjà ce nom.')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
