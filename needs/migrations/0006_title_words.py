"""Every title written adds its words to matching's list of title words (near spellings)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("needs", "0005_open_local_index"),
        ("mutualaid", "0005_title_words"),
    ]

    operations = [
        migrations.RunSQL(
            [
                "CREATE TRIGGER need_title_words AFTER INSERT OR UPDATE OF title ON needs_need"
                " FOR EACH ROW EXECUTE FUNCTION hub_remember_title_words()",
                "INSERT INTO mutualaid_titleword (word)"
                " SELECT DISTINCT unnest(tsvector_to_array("
                "to_tsvector('hub_english'::regconfig, title))) FROM needs_need"
                " ON CONFLICT DO NOTHING",
            ],
            reverse_sql="DROP TRIGGER IF EXISTS need_title_words ON needs_need",
        ),
    ]
