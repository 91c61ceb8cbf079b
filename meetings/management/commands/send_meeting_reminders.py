"""Email everyone who said going or maybe to a meeting that happens tomorrow. Run daily."""

from django.core.management.base import BaseCommand, CommandError

from meetings.services import meeting_reminders_send


class Command(BaseCommand):
    help = "Send reminders for tomorrow's meetings to people going or maybe (once each)."

    def handle(self, *args, **options):
        run = meeting_reminders_send()
        self.stdout.write(self.style.SUCCESS(f"Sent {run.sent} meeting reminder(s)."))
        if run.failed:
            # A non-zero exit, so the scheduler reports it; the next run tries them again.
            raise CommandError(
                f"{run.failed} meeting reminder(s) could not be sent; see the log for why."
            )
