"""What moderation tells the people concerned, through the core's moderation signals: the
author whose post a moderator hid or restored, and each neighbor whose report was decided."""

from django.dispatch import receiver

from mutualaid.moderation.models import ModerationAction
from mutualaid.moderation.signals import moderation_logged, report_decided

from .models import Notice
from .services import notice_send


@receiver(moderation_logged)
def tell_the_author(sender, action, **kwargs):
    hid_or_restored = action.action in (ModerationAction.Kind.HIDE, ModerationAction.Kind.RESTORE)
    if hid_or_restored and action.target_user is not None:
        notice_send(
            recipient=action.target_user,
            kind=Notice.Kind.MODERATED,
            about=action,
            actor=None,  # moderators act for the hub: their names are not given
        )


@receiver(report_decided)
def tell_the_reporter(sender, report, **kwargs):
    if report.reporter is not None:
        notice_send(recipient=report.reporter, kind=Notice.Kind.REPORT_DECIDED, about=report)
