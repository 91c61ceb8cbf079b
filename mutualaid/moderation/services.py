"""Moderation's actions: reporting, deciding on a report, hiding and restoring an item,
warning, suspending and lifting a suspension. Each one is logged.

Each runs in one transaction, locks what it changes, and raises a ModerationError (with a
message for people) that the view turns into a message.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mutualaid import roles
from mutualaid.notify import email_neighbor
from mutualaid.refusals import Refusal

from .models import ModerationAction, Report, is_reportable
from .signals import moderation_logged, report_decided

User = get_user_model()


class ModerationError(Refusal):
    """A moderation step that can't happen; the message says why, in plain words."""


def author_of(target):
    """The account responsible for a reportable item (its `author`), or None."""
    author = getattr(target, "author", None)
    return author if isinstance(author, User) else None


def _log(*, action, by, target=None, user=None, report=None, note="") -> ModerationAction:
    logged = ModerationAction.objects.create(
        moderator=by,
        action=action,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=target.pk if target is not None else None,
        target_label=_label(target),
        target_user=user if user is not None else author_of(target),
        report=report,
        note=note,
    )
    transaction.on_commit(lambda: moderation_logged.send(sender=ModerationAction, action=logged))
    return logged


def _label(target) -> str:
    # An item may name itself for the log (a message never by its words: organizers read it).
    if target is None:
        return ""
    return str(getattr(target, "log_label", target))[:200]


def report_create(*, reporter, target, reason: str, details: str = "") -> Report:
    if not is_reportable(type(target)):
        raise ModerationError(_("This can't be reported."))
    already = _("You already reported this. A moderator will look at it soon.")
    with transaction.atomic():
        if Report.objects.open().about(target).filter(reporter=reporter).exists():
            raise ModerationError(already)
        try:
            with transaction.atomic():
                return Report.objects.create(
                    reporter=reporter,
                    content_type=ContentType.objects.get_for_model(target),
                    object_id=target.pk,
                    reason=reason,
                    details=details,
                )
        except IntegrityError as error:  # a double tap: the constraint keeps one open report
            raise ModerationError(already) from error


def reported_items_read(*, targets, by) -> list[ModerationAction]:
    """A moderator read private items (the messages of a thread) while handling a report:
    log it, one line per open report about each, so the log says which report each read was
    for. Items whose model doesn't ask for it (`reads_are_logged`) are public: nothing is
    logged. The open reports about all of them are read in one query.
    """
    targets = [t for t in targets if getattr(type(t), "reads_are_logged", False)]
    if not targets:
        return []
    by_pk = {target.pk: target for target in targets}
    reports = Report.objects.open().filter(
        content_type=ContentType.objects.get_for_model(targets[0]), object_id__in=by_pk
    )
    return [
        _log(
            action=ModerationAction.Kind.READ, by=by, target=by_pk[report.object_id], report=report
        )
        for report in reports
    ]


def reported_item_read(*, target, by) -> list[ModerationAction]:
    """The same for one item (a reported message on the moderator's report page)."""
    return reported_items_read(targets=[target], by=by)


def _locked(target):
    # The base manager: an app's default manager may leave hidden rows out.
    return type(target)._base_manager.select_for_update().get(pk=target.pk)


def item_hide(*, target, by, note: str = "", report=None) -> ModerationAction | None:
    with transaction.atomic():
        item = _locked(target)
        if item.hidden:
            return None
        item.hidden = True
        item.save(update_fields=["hidden"])
        target.hidden = True
        return _log(action=ModerationAction.Kind.HIDE, by=by, target=item, report=report, note=note)


def item_restore(*, target, by, note: str = "") -> ModerationAction:
    with transaction.atomic():
        item = _locked(target)
        if not item.hidden:
            raise ModerationError(_("This item is not hidden."))
        item.hidden = False
        item.save(update_fields=["hidden"])
        target.hidden = False
        return _log(action=ModerationAction.Kind.RESTORE, by=by, target=item, note=note)


def account_warn(*, user, by, note: str = "", report=None, target=None) -> ModerationAction:
    if user is None:
        raise ModerationError(_("Nobody to warn: this item has no author."))
    action = _log(
        action=ModerationAction.Kind.WARN, by=by, target=target, user=user, report=report, note=note
    )
    transaction.on_commit(
        lambda: email_neighbor(
            user=user,
            subject=lambda: _("A note from the hub's moderators"),
            template="moderation/email/warning.txt",
            context={"note": note, "item": action.target_label},
            force=True,
        )
    )
    return action


def account_suspend(*, user, by, note: str = "", report=None, target=None) -> ModerationAction:
    if user is None:
        raise ModerationError(_("Nobody to suspend: this item has no author."))
    if user.pk == by.pk:
        raise ModerationError(_("You can't suspend your own account."))
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.suspended:
            raise ModerationError(_("This account is already suspended."))
        # Tell them first: email_neighbor writes only to active accounts.
        email_neighbor(
            user=locked,
            subject=lambda: _("Your account on the hub is paused"),
            template="moderation/email/suspended.txt",
            context={"note": note},
            force=True,
        )
        locked.suspended = True
        locked.is_active = False  # can't log in; open sessions end on their next request
        locked.save(update_fields=["suspended", "is_active"])
        user.suspended, user.is_active = True, False
        return _log(
            action=ModerationAction.Kind.SUSPEND,
            by=by,
            target=target,
            user=locked,
            report=report,
            note=note,
        )


def account_unsuspend(*, user, by, note: str = "") -> ModerationAction:
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if not locked.suspended:
            raise ModerationError(_("This account is not suspended."))
        locked.suspended = False
        locked.is_active = locked.forgotten_at is None
        locked.save(update_fields=["suspended", "is_active"])
        action = _log(action=ModerationAction.Kind.UNSUSPEND, by=by, user=locked, note=note)
        transaction.on_commit(
            lambda: email_neighbor(
                user=locked,
                subject=lambda: _("Your account on the hub is open again"),
                template="moderation/email/unsuspended.txt",
                context={"note": note},
                force=True,
            )
        )
    return action


def report_decide(*, report, by, decision: str, note: str = "") -> Report:
    """A moderator's decision on a report; it settles every open report on the same item and
    tells each reporter what happened."""
    if not by.has_role(roles.MODERATOR):
        raise ModerationError(_("Only moderators can decide on reports."))
    Outcome = Report.Outcome
    if decision not in Outcome.values:
        raise ModerationError(_("Please choose what to do."))
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status != Report.Status.OPEN:
            raise ModerationError(_("Another moderator already dealt with this report."))
        target = report.target
        if target is None and decision != Outcome.NO_ACTION:
            raise ModerationError(_("The item is gone; you can only close the report."))
        author = author_of(target)
        if decision in (Outcome.HIDDEN, Outcome.HIDDEN_WARNED, Outcome.HIDDEN_SUSPENDED):
            item_hide(target=target, by=by, note=note, report=report)
        if decision in (Outcome.HIDDEN_WARNED, Outcome.WARNED):
            account_warn(user=author, by=by, note=note, report=report, target=target)
        if decision == Outcome.HIDDEN_SUSPENDED:
            account_suspend(user=author, by=by, note=note, report=report, target=target)
        if decision == Outcome.NO_ACTION:
            _log(
                action=ModerationAction.Kind.DISMISS,
                by=by,
                target=target,
                user=author,
                report=report,
                note=note,
            )
        settled = list(
            Report.objects.select_for_update(of=("self",))
            .open()
            .filter(content_type=report.content_type, object_id=report.object_id)
            .select_related("reporter")
        )
        now = timezone.now()
        for each in settled:
            each.status, each.outcome = Report.Status.RESOLVED, decision
            each.resolved_at, each.resolved_by = now, by
        Report.objects.bulk_update(settled, ["status", "outcome", "resolved_at", "resolved_by"])
        transaction.on_commit(lambda: _tell_reporters(settled))
    report.refresh_from_db()
    return report


def _tell_reporters(reports) -> None:
    for report in reports:
        if report.reporter is None:
            continue
        report_decided.send(sender=Report, report=report)
        email_neighbor(
            user=report.reporter,
            subject=lambda: _("What happened with your report"),
            template="moderation/email/report_outcome.txt",
            context={"report": report, "outcome": report.get_outcome_display()},
        )
