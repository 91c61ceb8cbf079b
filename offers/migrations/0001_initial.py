# The offers app's tables, squashed while nothing was deployed. The search vectors use the
# core's hub_english configuration (mutualaid 0001); the trigger below, which Django cannot
# write from the models, adds every title's words to matching's title words. A database
# migrated before the squash has every migration listed in `replaces` recorded.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
import django.utils.timezone
import offers.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('offers', '0002_gin_without_pending_list'),
        ('offers', '0003_reportable'),
        ('offers', '0004_open_local_index'),
        ('offers', '0005_title_words'),
        ('offers', '0006_drop_title_trigram_index'),
        ('offers', '0007_understanding'),
        ('offers', '0008_own_words_search'),
        ('offers', '0009_offer_created_at'),
    ]

    dependencies = [
        ('mutualaid', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Offer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('hidden', models.BooleanField(db_index=True, default=False, verbose_name='hidden by a moderator')),
                ('title', models.CharField(max_length=120, verbose_name='in a few words')),
                ('details', models.TextField(blank=True, max_length=2000, verbose_name='details')),
                ('visibility', models.CharField(choices=[('neighbors', 'Signed-in neighbors'), ('everyone', 'Everyone, even without an account')], default='neighbors', max_length=12, verbose_name='who may read the details')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='posted')),
                ('updated', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('expires_on', models.DateField(default=offers.models.default_expiry, verbose_name='open until')),
                ('reminded_on', models.DateField(blank=True, editable=False, null=True)),
                ('language', models.CharField(blank=True, choices=[('en', 'English'), ('es', 'Spanish')], editable=False, max_length=2, verbose_name='written in')),
                ('title_related', models.TextField(blank=True, editable=False)),
                ('details_related', models.TextField(blank=True, editable=False)),
                ('title_translated', models.TextField(blank=True, editable=False)),
                ('details_translated', models.TextField(blank=True, editable=False)),
                ('search', models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='hub_english', weight='A'), '||', django.contrib.postgres.search.SearchVector('details', config='hub_english', weight='B'), django.contrib.postgres.search.SearchConfig('hub_english')), '||', django.contrib.postgres.search.SearchVector('title_related', 'title_translated', config='hub_english', weight='C'), django.contrib.postgres.search.SearchConfig('hub_english')), '||', django.contrib.postgres.search.SearchVector('details_related', 'details_translated', config='hub_english', weight='D'), django.contrib.postgres.search.SearchConfig('hub_english')), output_field=django.contrib.postgres.search.SearchVectorField())),
                ('own_search', models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='hub_english', weight='A'), '||', django.contrib.postgres.search.SearchVector('details', config='hub_english', weight='B'), django.contrib.postgres.search.SearchConfig('hub_english')), output_field=django.contrib.postgres.search.SearchVectorField())),
                ('kind', models.CharField(choices=[('things', 'Things'), ('time', 'Time'), ('skill', 'A skill'), ('lend', 'Something to lend')], default='things', max_length=10, verbose_name='what kind')),
                ('ongoing', models.BooleanField(default=False, help_text='A weekly ride or a skill stays open after someone takes you up on it.', verbose_name='this is ongoing')),
                ('status', models.CharField(choices=[('open', 'Open'), ('spoken_for', 'Someone asked for it'), ('taken', 'Taken'), ('withdrawn', 'Withdrawn')], default='open', max_length=12, verbose_name='status')),
                ('area', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='mutualaid.area', verbose_name='area')),
                ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='mutualaid.category', verbose_name='category')),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='offers', to=settings.AUTH_USER_MODEL, verbose_name='offered by')),
            ],
            options={
                'verbose_name': 'offer',
                'verbose_name_plural': 'offers',
                'ordering': ['-created_at'],
                'indexes': [django.contrib.postgres.indexes.GinIndex(fastupdate=False, fields=['search'], name='offer_search_gin'), django.contrib.postgres.indexes.GinIndex(fastupdate=False, fields=['own_search'], name='offer_own_search_gin'), models.Index(condition=models.Q(('status', 'open')), fields=['-created_at'], name='offer_open_recent'), models.Index(condition=models.Q(('status', 'open')), fields=['category', 'area', '-created_at'], name='offer_open_local')],
            },
        ),
        migrations.RunSQL(
            "CREATE TRIGGER offer_title_words AFTER INSERT OR UPDATE OF title ON offers_offer"
            " FOR EACH ROW EXECUTE FUNCTION hub_remember_title_words()",
            reverse_sql="DROP TRIGGER IF EXISTS offer_title_words ON offers_offer",
        ),
    ]
