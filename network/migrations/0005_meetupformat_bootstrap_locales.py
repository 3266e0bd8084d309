"""Meetup formats become translatable, step 2 of 3: existing formats are the French originals."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0004_meetupformat_bootstrap_translatable"),
    ]

    operations = [BootstrapTranslatableModel("network.MeetupFormat")]
