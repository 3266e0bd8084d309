"""Meetup formats become translatable, step 1 of 3 (Wagtail's BootstrapTranslatableMixin way).

Nullable `locale` and `translation_key` first, so existing formats can be given theirs (0005)
before the fields become required (0006).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_compagnons_moderated"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="meetupformat",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="meetupformat",
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
