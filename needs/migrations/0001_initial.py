# The needs app's tables, squashed while nothing was deployed. The search vectors use the
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
        ('needs', '0002_initial'),
        ('needs', '0003_gin_without_pending_list'),
        ('needs', '0004_reportable'),
        ('needs', '0005_open_local_index'),
        ('needs', '0006_title_words'),
        ('needs', '0007_drop_title_trigram_index'),
        ('needs', '0008_understanding'),
        ('needs', '0009_own_words_search'),
        ('needs', '0010_created_at'),
    ]

    dependencies = [
        ('mutualaid', '0001_initial'),
        ('offers', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Follow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('side', models.CharField(choices=[('both', 'Needs and offers'), ('needs', 'Needs'), ('offers', 'Offers')], default='both', max_length=8, verbose_name='show me')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('last_sent', models.DateTimeField(blank=True, editable=False, null=True)),
                ('area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='mutualaid.area', verbose_name='area')),
                ('categories', models.ManyToManyField(blank=True, help_text='None ticked means every category.', related_name='+', to='mutualaid.category', verbose_name='categories')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follows', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'followed filter',
                'verbose_name_plural': 'followed filters',
                'ordering': ['created_at'],
            },
        ),
        migrations.CreateModel(
            name='Match',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('proposed', 'Waiting for an answer'), ('accepted', 'Accepted'), ('completed', 'Done'), ('declined', 'Declined'), ('cancelled', 'Cancelled')], default='proposed', max_length=12, verbose_name='status')),
                ('holds_offer', models.BooleanField(default=False, editable=False)),
                ('thanks', models.TextField(blank=True, max_length=1000, verbose_name='thank-you note')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('updated', models.DateTimeField(auto_now=True)),
                ('offer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='matches', to='offers.offer')),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='matches_received', to=settings.AUTH_USER_MODEL, verbose_name='asked of')),
                ('requester', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='matches_asked', to=settings.AUTH_USER_MODEL, verbose_name='asked by')),
            ],
            options={
                'verbose_name': 'match',
                'verbose_name_plural': 'matches',
                'ordering': ['-updated'],
            },
        ),
        migrations.CreateModel(
            name='Message',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('hidden', models.BooleanField(db_index=True, default=False, verbose_name='hidden by a moderator')),
                ('body', models.TextField(max_length=2000, verbose_name='message')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('match', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='needs.match')),
            ],
            options={
                'verbose_name': 'message',
                'verbose_name_plural': 'messages',
                'ordering': ['created_at'],
            },
        ),
        migrations.CreateModel(
            name='Need',
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
                ('urgency', models.CharField(choices=[('today', 'Today'), ('week', 'This week'), ('whenever', 'Whenever')], default='whenever', max_length=10, verbose_name='how soon')),
                ('status', models.CharField(choices=[('open', 'Open'), ('in_progress', 'Someone is helping'), ('met', 'Met'), ('withdrawn', 'Withdrawn')], default='open', max_length=12, verbose_name='status')),
                ('on_behalf_of', models.CharField(blank=True, max_length=40, verbose_name='first name of the neighbor you are posting for')),
                ('contact_note', models.TextField(blank=True, help_text='How to reach them. Only volunteers ever see this.', max_length=500, verbose_name='private contact note')),
                ('area', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='mutualaid.area', verbose_name='area')),
                ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='mutualaid.category', verbose_name='category')),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='needs', to=settings.AUTH_USER_MODEL, verbose_name='posted by')),
            ],
            options={
                'verbose_name': 'need',
                'verbose_name_plural': 'needs',
                'ordering': ['-created_at'],
            },
        ),
        migrations.AddField(
            model_name='match',
            name='need',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='matches', to='needs.need'),
        ),
        migrations.AddIndex(
            model_name='need',
            index=django.contrib.postgres.indexes.GinIndex(fastupdate=False, fields=['search'], name='need_search_gin'),
        ),
        migrations.AddIndex(
            model_name='need',
            index=django.contrib.postgres.indexes.GinIndex(fastupdate=False, fields=['own_search'], name='need_own_search_gin'),
        ),
        migrations.AddIndex(
            model_name='need',
            index=models.Index(condition=models.Q(('status', 'open')), fields=['-created_at'], name='need_open_recent'),
        ),
        migrations.AddIndex(
            model_name='need',
            index=models.Index(condition=models.Q(('status', 'open')), fields=['category', 'area', '-created_at'], name='need_open_local'),
        ),
        migrations.AddConstraint(
            model_name='match',
            constraint=models.CheckConstraint(condition=models.Q(('need__isnull', False), ('offer__isnull', False), _connector='OR'), name='match_has_need_or_offer'),
        ),
        migrations.AddConstraint(
            model_name='match',
            constraint=models.CheckConstraint(condition=models.Q(('requester', models.F('recipient')), _negated=True), name='match_between_two_neighbors'),
        ),
        migrations.AddConstraint(
            model_name='match',
            constraint=models.UniqueConstraint(condition=models.Q(('holds_offer', True)), fields=('offer',), name='match_one_holder_per_single_offer'),
        ),
        migrations.RunSQL(
            "CREATE TRIGGER need_title_words AFTER INSERT OR UPDATE OF title ON needs_need"
            " FOR EACH ROW EXECUTE FUNCTION hub_remember_title_words()",
            reverse_sql="DROP TRIGGER IF EXISTS need_title_words ON needs_need",
        ),
    ]
