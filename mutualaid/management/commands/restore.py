"""Restore a backup made by `manage.py backup` into the configured, empty database."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from mutualaid import backup


class Command(BaseCommand):
    help = "Restore a pg_dump backup into the configured database, which must be empty."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .dump file written by `manage.py backup`.")
        parser.add_argument(
            "--into",
            help="Another database on the same server (created when missing), e.g. to check "
            "a backup without touching the live one.",
        )

    def handle(self, *args, file, into, **options):
        db = connection.settings_dict
        # Nothing of ours may hold the target open while pg_restore works on it.
        connection.close()
        try:
            backup.restore(db, file, into)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {file} into {into or db['NAME']}"))
