"""Decision search uses the hub's search configuration (mutualaid.ranking.SEARCH_CONFIG)
instead of plain `english`, so "reunion" finds "reunión" as post search does.

Django can't change a generated column's expression in place, so the vector and its index
are dropped and made again (PostgreSQL computes the new vector for every decision).
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mutualaid", "0001_initial"),  # creates the hub_english configuration
        ("meetings", "0003_plain_words"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="decision", name="decision_search_gin"),
        migrations.RemoveField(model_name="decision", name="search_vector"),
        migrations.AddField(
            model_name="decision",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        "title", config="hub_english", weight="A"
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        "text", config="hub_english", weight="B"
                    ),
                    django.contrib.postgres.search.SearchConfig("hub_english"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="decision",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="decision_search_gin"
            ),
        ),
    ]
