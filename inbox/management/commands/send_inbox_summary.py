"""The daily job: each neighbor who chose a daily summary gets one email with their unread
notices of those kinds since the last one, in their language."""

from django.core.management.base import BaseCommand

from inbox.services import inbox_summaries_send


class Command(BaseCommand):
    help = "Email each neighbor the day's unread notices they chose to get in a summary."

    def handle(self, *args, **options):
        sent = inbox_summaries_send()
        self.stdout.write(f"Sent {sent} summary email(s).")
