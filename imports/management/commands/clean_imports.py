"""Daily: drop the sheets of uploads left unimported for a day, so no file is kept longer."""

from django.core.management.base import BaseCommand

from imports.services import import_forget_drafts


class Command(BaseCommand):
    help = "Forget the sheets of imports that were uploaded a day ago and never run."

    def handle(self, *args, **options):
        self.stdout.write(f"Forgot {import_forget_drafts()} unimported sheets.")
