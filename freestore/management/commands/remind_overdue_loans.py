"""Email neighbors whose borrowed things are overdue, and pass on things nobody came for
(run once a day)."""

from django.core.management.base import BaseCommand

from freestore.services import HOLD_DAYS, holds_pass_on, loans_remind_overdue


class Command(BaseCommand):
    help = (
        "Email a friendly reminder for each overdue loan (at most once a day per loan), and "
        f"pass a returned thing to the next in the queue after {HOLD_DAYS} days uncollected."
    )

    def handle(self, *args, **options):
        sent = loans_remind_overdue()
        self.stdout.write(f"Overdue reminders queued: {sent}")
        self.stdout.write(f"Holds passed on to the next neighbor: {holds_pass_on()}")
