# The imports app's tables, squashed while nothing was deployed; a database migrated before
# the squash has every migration listed in `replaces` recorded.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('imports', '0002_importrun_created_at'),
    ]

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('freestore', '0001_initial'),
        ('mutualaid', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ImportRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='uploaded')),
                ('file_name', models.CharField(max_length=200, verbose_name='file')),
                ('kind', models.CharField(choices=[('needs', 'Needs, posted for the neighbors named in it'), ('offers', 'Offers of one volunteer'), ('items', 'Free store items with how many came in'), ('things', 'Things for the lending shelf')], max_length=10, verbose_name='what its rows are')),
                ('status', models.CharField(choices=[('draft', 'Columns to check'), ('previewed', 'Ready to import'), ('queued', 'Waiting to start'), ('running', 'Importing'), ('done', 'Imported'), ('failed', 'Stopped, nothing saved'), ('undone', 'Undone')], default='draft', max_length=10, verbose_name='status')),
                ('table', models.JSONField(blank=True, editable=False, null=True)),
                ('columns', models.JSONField(blank=True, default=dict)),
                ('values', models.JSONField(blank=True, default=dict)),
                ('total', models.PositiveIntegerField(default=0, verbose_name='rows')),
                ('created_count', models.PositiveIntegerField(default=0, verbose_name='created')),
                ('skipped_count', models.PositiveIntegerField(default=0, verbose_name='already imported')),
                ('refused_count', models.PositiveIntegerField(default=0, verbose_name='refused')),
                ('processed', models.PositiveIntegerField(default=0, verbose_name='rows done')),
                ('refusals', models.JSONField(blank=True, default=list)),
                ('failure', models.TextField(blank=True, verbose_name='what went wrong')),
                ('started', models.DateTimeField(blank=True, null=True, verbose_name='started')),
                ('finished', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                ('undone', models.DateTimeField(blank=True, null=True, verbose_name='undone')),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='import_runs', to=settings.AUTH_USER_MODEL, verbose_name='imported by')),
                ('store', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='freestore.store', verbose_name='store')),
                ('undone_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='undone by')),
                ('volunteer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='whose offers')),
            ],
            options={
                'verbose_name': 'import',
                'verbose_name_plural': 'imports',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ImportedRow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('needs', 'Needs, posted for the neighbors named in it'), ('offers', 'Offers of one volunteer'), ('items', 'Free store items with how many came in'), ('things', 'Things for the lending shelf')], max_length=10)),
                ('key', models.CharField(max_length=64)),
                ('row_number', models.PositiveIntegerField()),
                ('object_id', models.PositiveBigIntegerField()),
                ('active', models.BooleanField(default=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                ('run', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rows', to='imports.importrun')),
            ],
            options={
                'ordering': ['row_number'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('active', True)), fields=('kind', 'key'), name='imported_row_once')],
            },
        ),
        migrations.CreateModel(
            name='NameAlias',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('words', models.CharField(max_length=200, verbose_name='words in the sheet')),
                ('area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, to='mutualaid.area')),
                ('category', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, to='mutualaid.category')),
            ],
            options={
                'verbose_name': 'other name',
                'verbose_name_plural': 'other names',
                'constraints': [models.CheckConstraint(condition=models.Q(('area__isnull', True), ('category__isnull', True), _connector='XOR'), name='alias_names_one_thing'), models.UniqueConstraint(condition=models.Q(('area__isnull', False)), fields=('words',), name='alias_one_area'), models.UniqueConstraint(condition=models.Q(('category__isnull', False)), fields=('words',), name='alias_one_category')],
            },
        ),
    ]
