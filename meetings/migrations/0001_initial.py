# The meetings app's tables, squashed while nothing was deployed; a database migrated before
# the squash has every migration listed in `replaces` recorded.
# The decision search vector uses the core's hub_english configuration and its typo
# fallback the core's pg_trgm (both made in mutualaid 0001).

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('meetings', '0002_trigram_extension'),
        ('meetings', '0003_plain_words'),
        ('meetings', '0004_hub_search_configuration'),
    ]

    dependencies = [
        ('mutualaid', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AgendaItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=160, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('kind', models.CharField(choices=[('discussion', 'Talk it over'), ('proposal', 'A decision to make'), ('report', 'News and updates'), ('unmet_needs', 'Needs still waiting')], default='discussion', max_length=12, verbose_name='type')),
                ('time_box_minutes', models.PositiveSmallIntegerField(default=10, verbose_name='minutes')),
                ('facilitator', models.CharField(blank=True, help_text='Who guides this item. A first name is enough.', max_length=80, verbose_name='facilitator')),
                ('position', models.PositiveIntegerField(default=0)),
                ('status', models.CharField(choices=[('proposed', 'Proposed'), ('accepted', 'On the agenda'), ('declined', 'Declined')], default='accepted', max_length=10)),
                ('decline_reason', models.TextField(blank=True, verbose_name='why not this time')),
                ('minutes', models.TextField(blank=True, verbose_name='minutes for this item')),
                ('needs_snapshot', models.JSONField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('proposed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='proposed_agenda_items', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'agenda item',
                'verbose_name_plural': 'agenda items',
                'ordering': ['position', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Meeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=140, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name="what it's about")),
                ('starts_at', models.DateTimeField(verbose_name='starts')),
                ('ends_at', models.DateTimeField(verbose_name='ends')),
                ('place_name', models.CharField(blank=True, help_text='A public place, like “Riverside library, community room”.', max_length=140, verbose_name='place')),
                ('online_url', models.URLField(blank=True, verbose_name='online link')),
                ('access_notes', models.TextField(blank=True, help_text='Childcare, interpretation, step-free access, food…', verbose_name='access')),
                ('language', models.CharField(choices=[('en', 'English'), ('es', 'Spanish'), ('zh', 'Chinese'), ('ar', 'Arabic'), ('fr', 'French'), ('ht', 'Haitian Creole'), ('pt', 'Portuguese'), ('ru', 'Russian'), ('vi', 'Vietnamese'), ('tl', 'Tagalog'), ('asl', 'American Sign Language')], default='en', max_length=8, verbose_name='language')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published'), ('held', 'Held'), ('cancelled', 'Cancelled')], default='draft', max_length=12, verbose_name='status')),
                ('minutes', models.TextField(blank=True, verbose_name='minutes')),
                ('attendance_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='how many people came')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='mutualaid.area', verbose_name='neighborhood area')),
                ('organizers', models.ManyToManyField(related_name='organized_meetings', to=settings.AUTH_USER_MODEL, verbose_name='organizers')),
            ],
            options={
                'verbose_name': 'meeting',
                'verbose_name_plural': 'meetings',
                'ordering': ['starts_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Decision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=160, verbose_name='what was decided on')),
                ('text', models.TextField(verbose_name='the decision')),
                ('outcome', models.CharField(choices=[('agreed', 'Agreed'), ('not_agreed', 'Not agreed'), ('deferred', 'Left for later')], max_length=12, verbose_name='outcome')),
                ('tally', models.JSONField(blank=True, default=dict)),
                ('decided_on', models.DateField(verbose_name='decided on')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('search_vector', models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='hub_english', weight='A'), '||', django.contrib.postgres.search.SearchVector('text', config='hub_english', weight='B'), django.contrib.postgres.search.SearchConfig('hub_english')), output_field=django.contrib.postgres.search.SearchVectorField())),
                ('item', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='decision', to='meetings.agendaitem')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='meetings.meeting')),
            ],
            options={
                'verbose_name': 'decision',
                'verbose_name_plural': 'decisions',
                'ordering': ['-decided_on', '-pk'],
            },
        ),
        migrations.AddField(
            model_name='agendaitem',
            name='meeting',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='meetings.meeting'),
        ),
        migrations.CreateModel(
            name='ActionItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('what', models.CharField(max_length=200, verbose_name='what')),
                ('owner_name', models.CharField(help_text='The person doing it. A first name is enough.', max_length=80, verbose_name='who')),
                ('due', models.DateField(verbose_name='due')),
                ('done', models.BooleanField(default=False, verbose_name='done')),
                ('done_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('decision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='meetings.decision', verbose_name='from decision')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='action_items', to='meetings.meeting')),
            ],
            options={
                'verbose_name': 'action item',
                'verbose_name_plural': 'action items',
                'ordering': ['due', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='PollAnswer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('answer', models.CharField(choices=[('agree', 'Agree'), ('abstain', 'Stand aside'), ('disagree', 'Disagree'), ('block', 'Object')], max_length=10, verbose_name='where do you stand?')),
                ('reason', models.TextField(blank=True, verbose_name='reason')),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='poll_answers', to='meetings.agendaitem')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='poll_answers', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'poll answer',
                'verbose_name_plural': 'poll answers',
            },
        ),
        migrations.CreateModel(
            name='Rsvp',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('answer', models.CharField(choices=[('going', 'Going'), ('maybe', 'Maybe'), ('not_going', 'Not going')], max_length=10, verbose_name='will you come?')),
                ('reminded_at', models.DateTimeField(blank=True, null=True)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rsvps', to='meetings.meeting')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meeting_rsvps', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'RSVP',
                'verbose_name_plural': 'RSVPs',
            },
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['status', 'starts_at'], name='meetings_me_status_63e0a6_idx'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='meeting_ends_after_start'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('area__isnull', False), models.Q(('place_name', ''), _negated=True), models.Q(('online_url', ''), _negated=True), _connector='OR'), name='meeting_has_a_place'),
        ),
        migrations.AddIndex(
            model_name='decision',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='decision_search_gin'),
        ),
        migrations.AddIndex(
            model_name='decision',
            index=models.Index(fields=['outcome', 'decided_on'], name='meetings_de_outcome_f69eee_idx'),
        ),
        migrations.AddIndex(
            model_name='agendaitem',
            index=models.Index(fields=['meeting', 'status', 'position'], name='meetings_ag_meeting_386fd4_idx'),
        ),
        migrations.AddConstraint(
            model_name='agendaitem',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'declined'), _negated=True), models.Q(('decline_reason', ''), _negated=True), _connector='OR'), name='agenda_item_decline_has_reason'),
        ),
        migrations.AddConstraint(
            model_name='agendaitem',
            constraint=models.CheckConstraint(condition=models.Q(('time_box_minutes__gte', 1), ('time_box_minutes__lte', 480)), name='agenda_item_time_box_range'),
        ),
        migrations.AddIndex(
            model_name='actionitem',
            index=models.Index(fields=['done', 'due'], name='meetings_ac_done_c2240c_idx'),
        ),
        migrations.AddConstraint(
            model_name='pollanswer',
            constraint=models.UniqueConstraint(fields=('item', 'person'), name='poll_answer_one_per_person'),
        ),
        migrations.AddConstraint(
            model_name='pollanswer',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('answer', 'block'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='poll_answer_block_has_reason'),
        ),
        migrations.AddConstraint(
            model_name='rsvp',
            constraint=models.UniqueConstraint(fields=('meeting', 'person'), name='rsvp_one_per_person'),
        ),
    ]
