"""Dump the hub's database into backups/ (pg_dump custom format, timestamped in UTC)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from mutualaid import backup


class Command(BaseCommand):
    help = "Back up the database to backups/<name>-<UTC time>.dump (pg_dump custom format)."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(settings.BASE_DIR / "backups"))
        parser.add_argument("--output", help="Exact file to write instead of a timestamped one.")

    def handle(self, *args, directory, output, **options):
        db = connection.settings_dict
        if output:
            path = Path(output)
        else:
            stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
            path = Path(directory) / f"{db['NAME']}-{stamp}.dump"
        try:
            backup.dump(db, path)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backed up {db['NAME']} to {path}"))
