# The freestore app's tables, squashed while nothing was deployed; a database migrated before
# the squash has every migration listed in `replaces` recorded.

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('freestore', '0002_pledge'),
        ('freestore', '0003_plain_words'),
        ('freestore', '0004_shift_messages'),
        ('freestore', '0005_stockmovement_created_at'),
    ]

    dependencies = [
        ('mutualaid', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Item',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('size', models.CharField(blank=True, help_text='Only where it matters.', max_length=30, verbose_name='size')),
                ('condition', models.CharField(choices=[('new', 'New'), ('good', 'Good'), ('worn', 'Worn but fine')], default='good', max_length=10, verbose_name='condition')),
                ('target', models.PositiveIntegerField(default=0, help_text='Below this, the item shows as most needed.', verbose_name='how many we’d like to have')),
                ('quantity', models.IntegerField(default=0, editable=False, verbose_name='on hand')),
                ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='mutualaid.category', verbose_name='category')),
            ],
            options={
                'verbose_name': 'item',
                'verbose_name_plural': 'items',
                'ordering': ['name', 'size'],
            },
        ),
        migrations.CreateModel(
            name='StockMovement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('intake', 'Donation in'), ('give_away', 'Given away'), ('adjustment', 'Adjustment'), ('stocktake', 'Shelf count')], max_length=12, verbose_name='kind')),
                ('quantity', models.IntegerField(verbose_name='change')),
                ('reason', models.CharField(blank=True, choices=[('damaged', 'Damaged'), ('expired', 'Expired'), ('miscounted', 'Miscounted'), ('other', 'Other')], max_length=12, verbose_name='reason')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='note')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='when')),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='movements', to='freestore.item', verbose_name='item')),
            ],
            options={
                'verbose_name': 'stock movement',
                'verbose_name_plural': 'stock movements',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Pledge',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('quantity', models.PositiveIntegerField(verbose_name='how many')),
                ('status', models.CharField(choices=[('pledged', 'On its way'), ('received', 'Received'), ('withdrawn', 'Taken back')], default='pledged', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='promised')),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pledges', to='freestore.item', verbose_name='item')),
                ('neighbor', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pledges', to=settings.AUTH_USER_MODEL, verbose_name='neighbor')),
                ('movement', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='pledge', to='freestore.stockmovement')),
            ],
            options={
                'verbose_name': 'pledge',
                'verbose_name_plural': 'pledges',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Store',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                ('slug', models.SlugField(max_length=100, unique=True, verbose_name='short name')),
                ('place', models.CharField(help_text="A public place people can find, e.g. 'Community hall, side door'.", max_length=200, verbose_name='place')),
                ('opening_hours', models.TextField(blank=True, verbose_name='opening hours')),
                ('area', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='mutualaid.area', verbose_name='area')),
            ],
            options={
                'verbose_name': 'store',
                'verbose_name_plural': 'stores',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Shift',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('starts_at', models.DateTimeField(verbose_name='starts')),
                ('ends_at', models.DateTimeField(verbose_name='ends')),
                ('places', models.PositiveIntegerField(default=2, verbose_name='places')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='what the shift is for')),
                ('store', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shifts', to='freestore.store', verbose_name='store')),
            ],
            options={
                'verbose_name': 'shift',
                'verbose_name_plural': 'shifts',
                'ordering': ['starts_at', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='item',
            name='store',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='items', to='freestore.store', verbose_name='store'),
        ),
        migrations.CreateModel(
            name='Thing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('status', models.CharField(choices=[('available', 'Available'), ('on_loan', 'On loan'), ('in_repair', 'In repair'), ('retired', 'Retired')], default='available', max_length=10, verbose_name='status')),
                ('condition_notes', models.TextField(blank=True, verbose_name='condition notes')),
                ('loan_days', models.PositiveIntegerField(default=7, verbose_name='usual loan (days)')),
                ('category', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='mutualaid.category', verbose_name='category')),
                ('store', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='things', to='freestore.store', verbose_name='store')),
            ],
            options={
                'verbose_name': 'lendable thing',
                'verbose_name_plural': 'lendable things',
                'ordering': ['name', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Loan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('borrowed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='borrowed')),
                ('due_on', models.DateField(verbose_name='due back')),
                ('returned_at', models.DateTimeField(blank=True, null=True, verbose_name='returned')),
                ('renewals', models.PositiveIntegerField(default=0, verbose_name='renewals')),
                ('reminded_on', models.DateField(blank=True, null=True, verbose_name='last reminder')),
                ('borrower', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='loans', to=settings.AUTH_USER_MODEL, verbose_name='borrower')),
                ('thing', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='loans', to='freestore.thing', verbose_name='thing')),
            ],
            options={
                'verbose_name': 'loan',
                'verbose_name_plural': 'loans',
                'ordering': ['-borrowed_at'],
            },
        ),
        migrations.CreateModel(
            name='Hold',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='asked')),
                ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='told it is back')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                ('neighbor', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='holds', to=settings.AUTH_USER_MODEL, verbose_name='neighbor')),
                ('thing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='holds', to='freestore.thing', verbose_name='thing')),
            ],
            options={
                'verbose_name': 'hold',
                'verbose_name_plural': 'holds',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ShiftSignup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='signed up')),
                ('reminded_at', models.DateTimeField(blank=True, null=True, verbose_name='reminded')),
                ('shift', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='signups', to='freestore.shift', verbose_name='shift')),
                ('volunteer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shift_signups', to=settings.AUTH_USER_MODEL, verbose_name='volunteer')),
            ],
            options={
                'verbose_name': 'shift sign-up',
                'verbose_name_plural': 'shift sign-ups',
                'ordering': ['created_at', 'pk'],
                'constraints': [models.UniqueConstraint(models.F('shift'), models.F('volunteer'), name='one_signup_per_shift')],
            },
        ),
        migrations.AddConstraint(
            model_name='stockmovement',
            constraint=models.CheckConstraint(condition=models.Q(('quantity', 0), _negated=True), name='movement_not_zero'),
        ),
        migrations.AddConstraint(
            model_name='stockmovement',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'intake'), _negated=True), ('quantity__gt', 0), _connector='OR'), name='intake_adds'),
        ),
        migrations.AddConstraint(
            model_name='stockmovement',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'give_away'), _negated=True), models.Q(('quantity__lt', 0), ('reason', ''), ('note', '')), _connector='OR'), name='give_away_removes_and_says_nothing_more'),
        ),
        migrations.AddConstraint(
            model_name='pledge',
            constraint=models.CheckConstraint(condition=models.Q(('quantity__gte', 1)), name='pledge_brings_something'),
        ),
        migrations.AddConstraint(
            model_name='shift',
            constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='shift_ends_after_start', violation_error_message='The shift has to end after it starts.'),
        ),
        migrations.AddConstraint(
            model_name='shift',
            constraint=models.CheckConstraint(condition=models.Q(('places__gte', 1)), name='shift_has_a_place', violation_error_message='A shift needs at least one place.'),
        ),
        migrations.AddConstraint(
            model_name='item',
            constraint=models.CheckConstraint(condition=models.Q(('quantity__gte', 0)), name='item_quantity_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='item',
            constraint=models.UniqueConstraint(models.F('store'), django.db.models.functions.text.Lower('name'), models.F('size'), models.F('condition'), name='item_unique_per_store'),
        ),
        migrations.AddConstraint(
            model_name='loan',
            constraint=models.UniqueConstraint(models.F('thing'), condition=models.Q(('returned_at__isnull', True)), name='one_open_loan_per_thing'),
        ),
        migrations.AddConstraint(
            model_name='hold',
            constraint=models.UniqueConstraint(models.F('thing'), models.F('neighbor'), condition=models.Q(('closed_at__isnull', True)), name='one_open_hold_per_neighbor'),
        ),
    ]
