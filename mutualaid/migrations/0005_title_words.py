"""Words of post titles, for matching's near spellings (see mutualaid.models.TitleWord).

The trigger function lives here; needs and offers attach it to their tables.
"""

import django.contrib.postgres.indexes
from django.db import migrations, models

REMEMBER_TITLE_WORDS = """
CREATE OR REPLACE FUNCTION hub_remember_title_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO mutualaid_titleword (word)
    SELECT unnest(tsvector_to_array(to_tsvector('hub_english'::regconfig, NEW.title)))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("mutualaid", "0004_moderation_and_account_deletion"),
    ]

    operations = [
        # The trigram index below needs pg_trgm; other apps use it too, so going back
        # leaves it in place.
        migrations.RunSQL(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm", reverse_sql=migrations.RunSQL.noop
        ),
        migrations.CreateModel(
            name="TitleWord",
            fields=[
                ("word", models.TextField(primary_key=True, serialize=False)),
            ],
            options={
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        django.contrib.postgres.indexes.OpClass("word", name="gin_trgm_ops"),
                        name="titleword_trgm",
                    )
                ],
            },
        ),
        migrations.RunSQL(
            REMEMBER_TITLE_WORDS, reverse_sql="DROP FUNCTION IF EXISTS hub_remember_title_words()"
        ),
    ]
