"""Daily job: old notices leave the inbox (read ones after 90 days, unread after 180)."""

from django.core.management.base import BaseCommand

from inbox.services import notices_clean


class Command(BaseCommand):
    help = "Remove old notices from neighbors' inboxes (run once a day)."

    def handle(self, *args, **options):
        removed = notices_clean()
        self.stdout.write(f"{removed} old notices removed.")
