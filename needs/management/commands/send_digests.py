"""The daily digest: new needs and offers that fit what each neighbor follows."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from mutualaid.notify import email_neighbor
from needs.models import Follow, Need
from offers.models import Offer

DIGEST_MAX = 20


def matching(queryset, follow, since):
    posts = queryset.open().filter(created_at__gt=since).exclude(owner=follow.user)
    categories = list(follow.categories.all())
    posts = posts.in_categories(categories).in_area(follow.area)
    return list(posts.select_related("area").order_by("-created_at")[:DIGEST_MAX])


class Command(BaseCommand):
    help = "Email each follower the new posts that fit their filters (run once a day)."

    def handle(self, *args, **options):
        now = timezone.now()
        sent = 0
        follows = Follow.objects.select_related("user", "area").prefetch_related("categories")
        for follow in follows:
            since = follow.last_sent or (now - datetime.timedelta(days=1))
            needs = matching(Need.objects, follow, since) if follow.side != "offers" else []
            offers = matching(Offer.objects, follow, since) if follow.side != "needs" else []
            if needs or offers:
                email_neighbor(
                    user=follow.user,
                    subject=lambda: _("New on the hub for you"),
                    template="needs/email/digest.txt",
                    context={"needs": needs, "offers": offers},
                )
                sent += 1
            follow.last_sent = now
            follow.save(update_fields=["last_sent"])
        self.stdout.write(f"Sent {sent} digest(s).")
