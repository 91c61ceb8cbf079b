"""Telling a neighbor something in their inbox, and reading it.

The apps call these where something happens to someone (the same places that email them):
`notice_send` for answers and messages, `notice_fit` for a new post that may meet theirs.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Notice

# Fit notices a neighbor gets at most in any 24 hours, whatever is posted: a few good ones.
FITS_PER_DAY = 3
# Read notices are removed after this many days, unread ones after twice as long.
KEEP_DAYS = 90


def _can_be_told(user) -> bool:
    return bool(user and user.is_active and not user.forgotten_at)


def notice_send(*, recipient, kind: str, about, actor=None) -> Notice | None:
    """One line in `recipient`'s inbox about `about` (a match, a post...). Nobody is told of
    what they did themself."""
    if not _can_be_told(recipient) or (actor is not None and actor.pk == recipient.pk):
        return None
    return Notice.objects.create(
        recipient=recipient,
        kind=kind,
        actor=actor,
        about_type=ContentType.objects.get_for_model(about),
        about_id=about.pk,
    )


def notice_message(*, recipient, about, actor) -> Notice | None:
    """A new message in a thread: one unread line per thread, brought to the top by each new
    message, rather than a line per message."""
    waiting = (
        Notice.objects.visible_to(recipient)
        .unread()
        .filter(kind=Notice.Kind.MESSAGE)
        .about(about)
        .order_by()
        .first()
    )
    if waiting is None:
        return notice_send(recipient=recipient, kind=Notice.Kind.MESSAGE, about=about, actor=actor)
    waiting.actor, waiting.created = actor, timezone.now()
    waiting.save(update_fields=["actor", "created"])
    return waiting


def notice_fit(*, recipient, new_post, own_post, reasons: dict) -> Notice | None:
    """Tell `recipient` that `new_post` may meet their `own_post`: once per pair of posts,
    never to whoever posted it, at most FITS_PER_DAY a day. None when it is not sent."""
    if not _can_be_told(recipient) or new_post.owner_id == recipient.pk:
        return None
    if own_post.owner_id != recipient.pk:
        return None
    since = timezone.now() - datetime.timedelta(days=1)
    try:
        with transaction.atomic():
            # The recipient's row is the lock that keeps two tasks from both sending the third.
            get_user_model().objects.select_for_update().filter(pk=recipient.pk).first()
            told = Notice.objects.fits().filter(recipient=recipient, created__gte=since)
            if told.count() >= FITS_PER_DAY:
                return None
            return Notice.objects.create(
                recipient=recipient,
                kind=Notice.Kind.FIT,
                actor=new_post.owner,
                about_type=ContentType.objects.get_for_model(new_post),
                about_id=new_post.pk,
                post_type=ContentType.objects.get_for_model(own_post),
                post_id=own_post.pk,
                reasons=reasons,
            )
    except IntegrityError:
        # This pair was pointed out already (to either of its two posters).
        return None


def notice_open(*, notice: Notice, by) -> Notice:
    """`by` opens one of their notices: it is read, and so is every other unread notice
    about the same thing (opening a thread reads all its new messages)."""
    Notice.objects.visible_to(by).filter(
        about_type=notice.about_type_id, about_id=notice.about_id
    ).mark_read()
    notice.read_at = notice.read_at or timezone.now()
    return notice


def notices_read_about(*, about, by) -> int:
    """`by` saw `about` (a thread they opened): its notices to them are read."""
    return Notice.objects.visible_to(by).about(about).mark_read()


def notices_read_all(*, by) -> int:
    return Notice.objects.visible_to(by).mark_read()


def notices_clean(*, now=None) -> int:
    """The daily job: read notices older than KEEP_DAYS go, unread ones after twice that."""
    now = now or timezone.now()
    read = Notice.objects.filter(
        read_at__isnull=False, created__lt=now - datetime.timedelta(days=KEEP_DAYS)
    )
    stale = Notice.objects.filter(created__lt=now - datetime.timedelta(days=2 * KEEP_DAYS))
    deleted, _ = (read | stale).delete()
    return deleted
