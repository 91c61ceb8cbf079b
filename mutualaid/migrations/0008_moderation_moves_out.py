# Reports and the moderation log move to the moderation app (mutualaid.moderation). Only
# Django's picture of the models changes here: the tables stay, with their rows, and the
# moderation app takes them over under the same names (see moderation 0001_initial).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('mutualaid', '0007_user_language'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='ModerationAction'),
                migrations.DeleteModel(name='Report'),
            ],
            database_operations=[],
        ),
    ]
