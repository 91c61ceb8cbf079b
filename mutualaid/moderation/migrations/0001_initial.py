# Reports and the moderation log. The tables keep the names they had while they were the
# core's (mutualaid_report, mutualaid_moderationaction), so a database migrated before the
# squash, where this migration was a state-only move, already has them as they are.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Report',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('reason', models.CharField(choices=[('unsafe', 'Threatening, harassing or unsafe'), ('private', "Shares someone's private details"), ('hateful', 'Hateful or discriminatory'), ('spam', 'Spam, scam or selling'), ('other', 'Something else')], max_length=20, verbose_name='reason')),
                ('details', models.TextField(blank=True, verbose_name='anything else the moderators should know')),
                ('status', models.CharField(choices=[('open', 'Waiting for a moderator'), ('resolved', 'Resolved')], default='open', max_length=20, verbose_name='status')),
                ('outcome', models.CharField(blank=True, choices=[('hidden', 'The item was hidden'), ('hidden_warned', 'The item was hidden and its author warned'), ('hidden_suspended', "The item was hidden and its author's account suspended"), ('warned', 'The author was warned; the item stays up'), ('no_action', 'A moderator looked and left it as it is')], max_length=20, verbose_name='outcome')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='reported at')),
                ('resolved_at', models.DateTimeField(blank=True, null=True, verbose_name='resolved at')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('reporter', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reports_made', to=settings.AUTH_USER_MODEL, verbose_name='reported by')),
                ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'report',
                'verbose_name_plural': 'reports',
                'db_table': 'mutualaid_report',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='ModerationAction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('hide', 'Hid an item'), ('restore', 'Restored an item'), ('warn', 'Warned an account'), ('suspend', 'Suspended an account'), ('unsuspend', 'Lifted a suspension'), ('dismiss', 'Closed reports without action'), ('read', 'Read a reported conversation')], max_length=20, verbose_name='action')),
                ('object_id', models.PositiveBigIntegerField(blank=True, null=True)),
                ('target_label', models.CharField(blank=True, max_length=200, verbose_name='item')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contenttypes.contenttype')),
                ('moderator', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='moderator')),
                ('target_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='moderation_received', to=settings.AUTH_USER_MODEL, verbose_name='account')),
                ('report', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions', to='moderation.report')),
            ],
            options={
                'verbose_name': 'moderation action',
                'verbose_name_plural': 'moderation log',
                'db_table': 'mutualaid_moderationaction',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.AddIndex(
            model_name='report',
            index=models.Index(fields=['content_type', 'object_id'], name='mutualaid_r_content_f80853_idx'),
        ),
        migrations.AddIndex(
            model_name='report',
            index=models.Index(fields=['status', 'created_at'], name='mutualaid_r_status_c971e3_idx'),
        ),
        migrations.AddConstraint(
            model_name='report',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'open')), fields=('reporter', 'content_type', 'object_id'), name='report_one_open_per_reporter_and_item'),
        ),
    ]
