"""Email owners whose open needs and offers close within a few days (run once a day)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from mutualaid.notify import email_neighbor
from needs.models import Need
from offers.models import Offer

REMIND_DAYS_BEFORE = 3


class Command(BaseCommand):
    help = "Remind neighbors to renew posts that close within three days (once per post)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
        by_owner = {}
        for model in (Need, Offer):
            due = model.objects.open().filter(expires_on__lte=soon, reminded_on__isnull=True)
            for post in due.select_related("owner"):
                by_owner.setdefault(post.owner, []).append(post)
        sent = 0
        for owner, posts in by_owner.items():
            email_neighbor(
                user=owner,
                subject=lambda: _("Your posts close soon"),
                template="needs/email/expiry_reminder.txt",
                context={"posts": posts},
            )
            for post in posts:
                type(post).objects.filter(pk=post.pk).update(reminded_on=today)
            sent += 1
        self.stdout.write(f"Reminded {sent} neighbor(s).")
