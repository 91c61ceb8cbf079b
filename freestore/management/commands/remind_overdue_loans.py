"""Email neighbors whose borrowed things are overdue (run once a day)."""

from django.core.management.base import BaseCommand

from freestore.services import loans_remind_overdue


class Command(BaseCommand):
    help = "Email a friendly reminder for each overdue loan (at most once a day per loan)."

    def handle(self, *args, **options):
        sent = loans_remind_overdue()
        self.stdout.write(f"Overdue reminders queued: {sent}")
