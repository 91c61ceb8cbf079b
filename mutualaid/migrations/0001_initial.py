# The core's tables, squashed from 0001-0008 while nothing was deployed, with the steps
# Django cannot write from the models: the extensions and the hub's search configuration
# every stored search vector uses, the trigger function that keeps matching's title words,
# the roles and categories, and the database cache table. A database migrated before the
# squash has every migration listed in `replaces` recorded, so nothing runs again there.

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
import mutualaid.models
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

ROLES = ["Organizer", "Store volunteer", "Moderator", "Intake volunteer"]

CATEGORIES = [
    ("food", "Food"),
    ("clothing-household", "Clothing & household"),
    ("childcare", "Childcare"),
    ("health", "Health & mental health"),
    ("housing", "Housing & tenants"),
    ("tools-garden", "Tools & garden shed"),
    ("repairs", "Repairs & trades"),
    ("transport", "Transport & errands"),
    ("learning", "Learning & books"),
    ("other", "Other"),
]


def roles_and_categories_create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Category = apps.get_model("mutualaid", "Category")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    for order, (slug, name) in enumerate(CATEGORIES):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


def roles_remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


# Needs and offers attach this to their tables (a trigger per table, in their initial
# migrations): every title written adds its words to the list matching's near spellings use.
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

    initial = True

    replaces = [
        ('mutualaid', '0002_roles_and_categories'),
        ('mutualaid', '0003_cache_table'),
        ('mutualaid', '0004_moderation_and_account_deletion'),
        ('mutualaid', '0005_title_words'),
        ('mutualaid', '0006_moderation_log_reads'),
        ('mutualaid', '0007_user_language'),
        ('mutualaid', '0008_moderation_moves_out'),
    ]

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        # The hub's search configuration (mutualaid.ranking.SEARCH_CONFIG), used by every
        # stored search vector (needs, offers, meetings' decisions): English stemming with
        # accents ignored. to_tsvector with a named configuration is IMMUTABLE, so generated
        # columns can use it (unaccent() alone is not).
        UnaccentExtension(),
        migrations.RunSQL(
            sql="""
            CREATE TEXT SEARCH CONFIGURATION hub_english (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION hub_english
              ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
            """,
            reverse_sql="DROP TEXT SEARCH CONFIGURATION IF EXISTS hub_english",
        ),
        # Trigram similarity: title words' index here, and the typo fallbacks of post and
        # decision search.
        TrigramExtension(),
        migrations.CreateModel(
            name='Area',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=80, unique=True, verbose_name='name')),
                ('slug', models.SlugField(max_length=80, unique=True, verbose_name='short name')),
                ('order', models.PositiveIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'area',
                'verbose_name_plural': 'areas',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Category',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=80, unique=True, verbose_name='name')),
                ('slug', models.SlugField(max_length=80, unique=True, verbose_name='short name')),
                ('order', models.PositiveIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'category',
                'verbose_name_plural': 'categories',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='TitleWord',
            fields=[
                ('word', models.TextField(primary_key=True, serialize=False)),
            ],
            options={
                'indexes': [django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.indexes.OpClass('word', name='gin_trgm_ops'), name='titleword_trgm')],
            },
        ),
        migrations.RunSQL(
            REMEMBER_TITLE_WORDS, reverse_sql="DROP FUNCTION IF EXISTS hub_remember_title_words()"
        ),
        migrations.CreateModel(
            name='User',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('password', models.CharField(max_length=128, verbose_name='password')),
                ('last_login', models.DateTimeField(blank=True, null=True, verbose_name='last login')),
                ('is_superuser', models.BooleanField(default=False, help_text='Designates that this user has all permissions without explicitly assigning them.', verbose_name='superuser status')),
                ('is_staff', models.BooleanField(default=False, help_text='Designates whether the user can log into this admin site.', verbose_name='staff status')),
                ('is_active', models.BooleanField(default=True, help_text='Designates whether this user should be treated as active. Unselect this instead of deleting accounts.', verbose_name='active')),
                ('date_joined', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date joined')),
                ('email', models.EmailField(max_length=254, unique=True, verbose_name='email address')),
                ('display_name', models.CharField(help_text='The name other neighbors see. It can be a nickname.', max_length=60, verbose_name='display name')),
                ('languages', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('en', 'English'), ('es', 'Spanish'), ('zh', 'Chinese'), ('ar', 'Arabic'), ('fr', 'French'), ('ht', 'Haitian Creole'), ('pt', 'Portuguese'), ('ru', 'Russian'), ('vi', 'Vietnamese'), ('tl', 'Tagalog'), ('asl', 'American Sign Language')], max_length=8), blank=True, default=list, verbose_name='languages I speak')),
                ('language', models.CharField(choices=[('en', 'English'), ('es', 'Spanish')], default='en', max_length=8, verbose_name='language the hub writes to me in')),
                ('email_notifications', models.BooleanField(default=True, verbose_name='email me about the hub at all')),
                ('suspended', models.BooleanField(default=False, verbose_name='suspended by a moderator')),
                ('forgotten_at', models.DateTimeField(blank=True, null=True, verbose_name='account deleted at')),
                ('groups', models.ManyToManyField(blank=True, help_text='The groups this user belongs to. A user will get all permissions granted to each of their groups.', related_name='user_set', related_query_name='user', to='auth.group', verbose_name='groups')),
                ('user_permissions', models.ManyToManyField(blank=True, help_text='Specific permissions for this user.', related_name='user_set', related_query_name='user', to='auth.permission', verbose_name='user permissions')),
                ('area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='mutualaid.area', verbose_name='neighborhood area')),
            ],
            options={
                'verbose_name': 'neighbor',
                'verbose_name_plural': 'neighbors',
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='user_email_unique_ci')],
            },
            managers=[
                ('objects', mutualaid.models.UserManager()),
            ],
        ),
        # The roles are duties (Django groups); the categories are those mutual aid groups run.
        migrations.RunPython(roles_and_categories_create, roles_remove),
        # The database cache table (settings.CACHES without Redis), so rate limits are shared
        # by every worker.
        migrations.RunSQL(
            """
            CREATE TABLE mutualaid_cache (
                cache_key varchar(255) NOT NULL PRIMARY KEY,
                value text NOT NULL,
                expires timestamp with time zone NOT NULL
            );
            CREATE INDEX mutualaid_cache_expires ON mutualaid_cache (expires);
            """,
            "DROP TABLE IF EXISTS mutualaid_cache;",
        ),
    ]
