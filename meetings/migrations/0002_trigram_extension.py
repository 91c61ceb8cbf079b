from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Decision search falls back to trigram similarity on titles when a word is misspelled."""

    dependencies = [("meetings", "0001_initial")]

    operations = [TrigramExtension()]
