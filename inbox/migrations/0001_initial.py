# The inbox app's tables, squashed while nothing was deployed; a database migrated before
# the squash has every migration listed in `replaces` recorded.

import django.db.models.deletion
import django.db.models.functions.comparison
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('inbox', '0002_notice_settings'),
        ('inbox', '0003_store_and_meeting_notices'),
        ('inbox', '0004_moderation_notices'),
        ('inbox', '0005_notice_quiet'),
        ('inbox', '0006_notice_created_at'),
    ]

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('mutualaid', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NoticeSettings',
            fields=[
                ('recipient', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='notice_settings', serialize=False, to=settings.AUTH_USER_MODEL)),
                ('answers', models.CharField(choices=[('now', 'By email at once'), ('daily', 'In one email a day'), ('inbox', 'Only in my inbox')], default='now', max_length=8, verbose_name='Someone asks or answers about my posts')),
                ('messages', models.CharField(choices=[('now', 'By email at once'), ('daily', 'In one email a day'), ('inbox', 'Only in my inbox')], default='daily', max_length=8, verbose_name='New messages')),
                ('fits', models.CharField(choices=[('now', 'By email at once'), ('daily', 'In one email a day'), ('inbox', 'Only in my inbox')], default='daily', max_length=8, verbose_name='New posts that may fit mine')),
                ('store', models.CharField(choices=[('now', 'By email at once'), ('daily', 'In one email a day'), ('inbox', 'Only in my inbox')], default='now', max_length=8, verbose_name='The free store and meetings')),
                ('summary_until', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'verbose_name': 'inbox settings',
                'verbose_name_plural': 'inbox settings',
            },
        ),
        migrations.CreateModel(
            name='Notice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('asked', 'Someone asked about my post'), ('accepted', 'My ask was accepted'), ('declined', 'My ask was declined'), ('cancelled', 'Something I was part of was cancelled'), ('completed', 'Something I was part of was marked done'), ('message', 'A new message'), ('fit', 'A new post may fit mine'), ('held', "Something I'm waiting for is back and kept for me"), ('loan_due', 'Something I borrowed is due back'), ('shift', "A shift I'm on is tomorrow"), ('proposal_yes', 'My agenda proposal was accepted'), ('proposal_no', 'My agenda proposal was declined'), ('moderated', 'A moderator hid or restored a post of mine'), ('report_done', 'A report I made was looked at')], max_length=12)),
                ('about_id', models.PositiveBigIntegerField()),
                ('post_id', models.PositiveBigIntegerField(blank=True, null=True)),
                ('reasons', models.JSONField(blank=True, default=dict)),
                ('read_at', models.DateTimeField(blank=True, null=True)),
                ('quiet', models.BooleanField(default=False)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('about_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('post_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notices', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'notice',
                'verbose_name_plural': 'notices',
                'ordering': ['-created_at'],
                'indexes': [models.Index(fields=['recipient', '-created_at'], name='notice_inbox'), models.Index(condition=models.Q(('quiet', False), ('read_at__isnull', True)), fields=['recipient'], name='notice_unread'), models.Index(fields=['about_type', 'about_id'], name='notice_about')],
                'constraints': [models.UniqueConstraint(django.db.models.functions.comparison.Least('about_type', 'post_type'), models.Case(models.When(about_type__lt=models.F('post_type'), then=models.F('about_id')), default=models.F('post_id')), django.db.models.functions.comparison.Greatest('about_type', 'post_type'), models.Case(models.When(about_type__lt=models.F('post_type'), then=models.F('post_id')), default=models.F('about_id')), condition=models.Q(('kind', 'fit')), name='notice_fit_once_per_pair'), models.CheckConstraint(condition=models.Q(models.Q(('kind', 'fit'), _negated=True), models.Q(('post_id__isnull', False), ('post_type__isnull', False)), _connector='OR'), name='notice_fit_names_the_post')],
            },
        ),
    ]
