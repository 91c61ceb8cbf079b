"""Email everyone who said going or maybe to a meeting that happens tomorrow. Run daily."""

from django.core.management.base import BaseCommand

from meetings.services import meeting_reminders_send


class Command(BaseCommand):
    help = "Send reminders for tomorrow's meetings to people going or maybe (once each)."

    def handle(self, *args, **options):
        sent = meeting_reminders_send()
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} meeting reminder(s)."))
