"""The per-language uniqueness constraints take this app's name, once every other app's links
point at the moved terms (a real change of the database, unlike 0001)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("vocabularies", "0001_vocabularies_from_knowledge_and_network"),
        ("knowledge", "0009_vocabularies_moved"),
        ("network", "0008_vocabularies_moved"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="meetupformat", name="network_meetupformat_unique_slug_per_locale"),
        migrations.AddConstraint(
            model_name="meetupformat",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"),
                name="vocabularies_meetupformat_unique_slug_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà cet identifiant.",
            ),
        ),
        migrations.RemoveConstraint(model_name="meetupformat", name="network_meetupformat_unique_name_per_locale"),
        migrations.AddConstraint(
            model_name="meetupformat",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"),
                name="vocabularies_meetupformat_unique_name_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà ce nom.",
            ),
        ),
        migrations.RemoveConstraint(model_name="public", name="knowledge_public_unique_slug_per_locale"),
        migrations.AddConstraint(
            model_name="public",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"),
                name="vocabularies_public_unique_slug_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà cet identifiant.",
            ),
        ),
        migrations.RemoveConstraint(model_name="public", name="knowledge_public_unique_name_per_locale"),
        migrations.AddConstraint(
            model_name="public",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"),
                name="vocabularies_public_unique_name_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà ce nom.",
            ),
        ),
        migrations.RemoveConstraint(model_name="sector", name="knowledge_sector_unique_slug_per_locale"),
        migrations.AddConstraint(
            model_name="sector",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"),
                name="vocabularies_sector_unique_slug_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà cet identifiant.",
            ),
        ),
        migrations.RemoveConstraint(model_name="sector", name="knowledge_sector_unique_name_per_locale"),
        migrations.AddConstraint(
            model_name="sector",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"),
                name="vocabularies_sector_unique_name_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà ce nom.",
            ),
        ),
        migrations.RemoveConstraint(model_name="structuretype", name="knowledge_structuretype_unique_slug_per_locale"),
        migrations.AddConstraint(
            model_name="structuretype",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"),
                name="vocabularies_structuretype_unique_slug_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà cet identifiant.",
            ),
        ),
        migrations.RemoveConstraint(model_name="structuretype", name="knowledge_structuretype_unique_name_per_locale"),
        migrations.AddConstraint(
            model_name="structuretype",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"),
                name="vocabularies_structuretype_unique_name_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà ce nom.",
            ),
        ),
        migrations.RemoveConstraint(model_name="theme", name="knowledge_theme_unique_slug_per_locale"),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"),
                name="vocabularies_theme_unique_slug_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà cet identifiant.",
            ),
        ),
        migrations.RemoveConstraint(model_name="theme", name="knowledge_theme_unique_name_per_locale"),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"),
                name="vocabularies_theme_unique_name_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà ce nom.",
            ),
        ),
        migrations.RemoveConstraint(model_name="zone", name="knowledge_zone_unique_slug_per_locale"),
        migrations.AddConstraint(
            model_name="zone",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"),
                name="vocabularies_zone_unique_slug_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà cet identifiant.",
            ),
        ),
        migrations.RemoveConstraint(model_name="zone", name="knowledge_zone_unique_name_per_locale"),
        migrations.AddConstraint(
            model_name="zone",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"),
                name="vocabularies_zone_unique_name_per_locale",
                violation_error_message="Un autre terme de cette langue porte déjà ce nom.",
            ),
        ),
    ]
