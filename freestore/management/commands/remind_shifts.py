"""Email volunteers the day before their shift (run once a day)."""

from django.core.management.base import BaseCommand

from freestore.services import shifts_remind


class Command(BaseCommand):
    help = "Email everyone on a shift that starts tomorrow (once per sign-up)."

    def handle(self, *args, **options):
        sent = shifts_remind()
        self.stdout.write(f"Shift reminders queued: {sent}")
