"""The database cache table, so rate limits are shared by every worker without Redis."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("mutualaid", "0002_roles_and_categories")]

    operations = [
        migrations.RunSQL(
            """
            CREATE TABLE IF NOT EXISTS mutualaid_cache (
                cache_key varchar(255) NOT NULL PRIMARY KEY,
                value text NOT NULL,
                expires timestamp with time zone NOT NULL
            );
            CREATE INDEX IF NOT EXISTS mutualaid_cache_expires ON mutualaid_cache (expires);
            """,
            "DROP TABLE IF EXISTS mutualaid_cache;",
        )
    ]
