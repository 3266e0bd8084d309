"""Vocabularies become translatable, step 1 of 3 (Wagtail's BootstrapTranslatableMixin way).

Nullable `locale` and `translation_key` first, so existing terms can be given theirs (0006)
before the fields become required (0007).
"""

import django.db.models.deletion
from django.db import migrations, models

VOCABULARIES = ["sector", "public", "theme", "structuretype", "zone"]


def bootstrap_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0004_organisation_ownership"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [operation for name in VOCABULARIES for operation in bootstrap_fields(name)]
