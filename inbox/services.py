"""Telling a neighbor something in their inbox, and reading it.

The apps call these where something happens to someone (the same places that email them):
`notice_send` for answers and messages, `notice_fit` for a new post that may meet theirs.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.tasks import TaskResultStatus
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import ngettext

from mutualaid.notify import email_neighbor, in_language

from .display import with_subjects
from .models import Delivery, Notice, NoticeSettings

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


def notice_refresh(*, recipient, kind: str, about, actor=None) -> Notice | None:
    """One unread line per `kind` and thing, brought to the top each time it happens again
    (a thread's new messages, a loan still due), rather than a line each time."""
    if not _can_be_told(recipient) or (actor is not None and actor.pk == recipient.pk):
        return None
    waiting = (
        Notice.objects.visible_to(recipient).unread().filter(kind=kind).about(about).order_by()
    ).first()
    if waiting is None:
        return notice_send(recipient=recipient, kind=kind, about=about, actor=actor)
    waiting.actor, waiting.created_at = actor, timezone.now()
    waiting.save(update_fields=["actor", "created_at"])
    return waiting


def notice_message(*, recipient, about, actor) -> Notice | None:
    """A new message in a thread: one unread line per thread."""
    return notice_refresh(recipient=recipient, kind=Notice.Kind.MESSAGE, about=about, actor=actor)


def notice_fit(*, recipient, new_post, own_post, reasons: dict) -> Notice | None:
    """Tell `recipient` that `new_post` may meet their `own_post`: once per pair of posts,
    never to whoever posted it. Past FITS_PER_DAY in a day, the notice waits quietly for the
    daily summary. Emailed at once to whoever chose so. None when it is not sent."""
    if not _can_be_told(recipient) or new_post.owner_id == recipient.pk:
        return None
    if own_post.owner_id != recipient.pk:
        return None
    since = timezone.now() - datetime.timedelta(days=1)
    try:
        with transaction.atomic():
            # The recipient's row is the lock that keeps two tasks from both sending the third.
            get_user_model().objects.select_for_update().filter(pk=recipient.pk).first()
            told = Notice.objects.fits().filter(
                recipient=recipient, created_at__gte=since, quiet=False
            )
            notice = Notice.objects.create(
                recipient=recipient,
                kind=Notice.Kind.FIT,
                actor=new_post.owner,
                about_type=ContentType.objects.get_for_model(new_post),
                about_id=new_post.pk,
                post_type=ContentType.objects.get_for_model(own_post),
                post_id=own_post.pk,
                reasons=reasons,
                quiet=told.count() >= FITS_PER_DAY,
            )
    except IntegrityError:
        # This pair was pointed out already (to either of its two posters).
        return None
    if not notice.quiet and email_at_once(recipient=recipient, kind=Notice.Kind.FIT):
        notice_email(notice=notice)
    return notice


def notice_email(*, notice: Notice):
    """Email one notice as it reads in the inbox, in its recipient's language, with the
    reasons of a fit (only those worked out for the recipient's eyes)."""
    recipient = notice.recipient
    with in_language(recipient):
        [shown] = with_subjects([notice], reader=recipient)
    if shown.subject is None:
        return False
    return email_neighbor(
        user=recipient,
        subject=lambda: render_to_string("inbox/email/notice_subject.txt", {"notice": shown}),
        template="inbox/email/notice.txt",
        context={"notice": shown},
    )


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
        read_at__isnull=False, created_at__lt=now - datetime.timedelta(days=KEEP_DAYS)
    )
    stale = Notice.objects.filter(created_at__lt=now - datetime.timedelta(days=2 * KEEP_DAYS))
    deleted, _ = (read | stale).delete()
    return deleted


# --- How a neighbor is told ------------------------------------------------------------------


def notice_settings_of(user) -> NoticeSettings:
    """A neighbor's choices; the defaults (unsaved) when they never made any."""
    found = NoticeSettings.objects.filter(recipient=user).first() if user.pk else None
    return found or NoticeSettings(recipient=user)


def email_at_once(*, recipient, kind: str) -> bool:
    """Whether a notice of `kind` is emailed to `recipient` as it happens (the apps ask before
    they send their own email). `email_notifications` off still means no email at all."""
    if not recipient.email_notifications:
        return False
    return notice_settings_of(recipient).delivery_of(kind) == Delivery.AT_ONCE


def inbox_summary_send(*, recipient, until) -> bool:
    """One email with `recipient`'s unread notices of the kinds they want once a day, since
    the last summary and up to `until`; each notice goes in one summary only. True when an
    email was really sent."""
    if not _can_be_told(recipient) or not recipient.email_notifications:
        return False
    with transaction.atomic():
        choices, _created = NoticeSettings.objects.get_or_create(recipient=recipient)
        choices = NoticeSettings.objects.select_for_update().get(pk=choices.pk)
        since = choices.summary_until or until - datetime.timedelta(days=1)
        if since >= until:
            return False
        wanted = Q(kind__in=choices.kinds_by(Delivery.DAILY))
        if choices.fits != Delivery.INBOX:
            wanted |= Q(quiet=True)  # the fits past the day's few wait for this email
        mine = Notice.objects.visible_to(recipient)
        notices = list(
            mine.unread()
            .filter(wanted, created_at__gt=since)
            .filter(created_at__lte=until)
            .for_list()
        )
        mine.filter(quiet=True, created_at__lte=until).update(quiet=False)
        choices.summary_until = until
        choices.save(update_fields=["summary_until"])
        with in_language(recipient):
            shown = [n for n in with_subjects(notices, reader=recipient) if n.subject is not None]
        if not shown:
            return False
        queued = email_neighbor(
            user=recipient,
            subject=lambda: (
                ngettext(
                    "%(count)s new notice for you", "%(count)s new notices for you", len(shown)
                )
                % {"count": len(shown)}
            ),
            template="inbox/email/summary.txt",
            context={"notices": shown},
        )
        if not queued or queued.status == TaskResultStatus.FAILED:
            # Not sent: the stretch stays open, so tomorrow's summary has these too.
            transaction.set_rollback(True)
            return False
    return True


def inbox_summaries_send(*, now=None) -> int:
    """The daily job: a summary to each neighbor with something in it. Returns emails sent."""
    until = now or timezone.now()
    daily = Q(notice_settings__isnull=True) | Q(
        Q(notice_settings__answers=Delivery.DAILY)
        | Q(notice_settings__messages=Delivery.DAILY)
        | Q(notice_settings__fits=Delivery.DAILY)
        | Q(notice_settings__store=Delivery.DAILY)
        | Q(notices__quiet=True)
    )
    waiting = (
        get_user_model()
        .objects.filter(daily, is_active=True, email_notifications=True, forgotten_at__isnull=True)
        .filter(notices__read_at__isnull=True, notices__created_at__lte=until)
        .distinct()
        .order_by("pk")
    )
    sent = sum(inbox_summary_send(recipient=user, until=until) for user in waiting)
    # Whoever gets no email (or keeps fits to the inbox): the day's waiting fits count now.
    Notice.objects.filter(quiet=True, created_at__lte=until).update(quiet=False)
    return sent
