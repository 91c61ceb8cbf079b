"""What people do with meetings: each action is one function, all-or-nothing.

Functions lock what they change and raise MeetingError with a plain message the view shows.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.translation import gettext as _

from inbox.models import Notice
from inbox.services import email_at_once, notice_send
from mutualaid import shared_cache
from mutualaid.notify import email_neighbor
from mutualaid.refusals import Refusal
from mutualaid.roles import ORGANIZER

from . import needs_snapshot
from .models import (
    UNMET_NEEDS_DESCRIPTION,
    UNMET_NEEDS_TITLE,
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    PollAnswer,
    Rsvp,
)

logger = logging.getLogger(__name__)


class MeetingError(Refusal):
    """Something a person tried that the meeting's rules don't allow; the message says why."""


def is_organizer(user) -> bool:
    return user.is_authenticated and user.has_role(ORGANIZER)


def _lock_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _next_position(meeting: Meeting) -> int:
    top = meeting.items.accepted().aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def meeting_create(*, by, **fields) -> Meeting:
    with transaction.atomic():
        meeting = Meeting.objects.create(status=Meeting.Status.DRAFT, **fields)
        meeting.organizers.add(by)
    return meeting


def meeting_set_status(*, meeting: Meeting, status: str, by) -> Meeting:
    """Publish, mark held or cancel. A cancelled meeting stays public so people know."""
    allowed: dict[str, set[str]] = {
        Meeting.Status.DRAFT: {Meeting.Status.PUBLISHED, Meeting.Status.CANCELLED},
        Meeting.Status.PUBLISHED: {Meeting.Status.HELD, Meeting.Status.CANCELLED},
        Meeting.Status.HELD: set(),
        Meeting.Status.CANCELLED: {Meeting.Status.PUBLISHED},
    }
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if status not in allowed[meeting.status]:
            raise MeetingError(_("This meeting can't be changed that way now."))
        if status == Meeting.Status.HELD and meeting.starts_at > timezone.now():
            raise MeetingError(_("A meeting can be marked as held once it has started."))
        meeting.status = status
        meeting.save(update_fields=["status", "updated_at"])
        meeting.organizers.add(by)
    return meeting


def agenda_item_add(*, meeting: Meeting, by, **fields) -> AgendaItem:
    """An organizer puts an item straight on the agenda, at the end."""
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
            raise MeetingError(_("The agenda of a past or cancelled meeting can't change."))
        if fields.get("kind") == AgendaItem.Kind.UNMET_NEEDS:
            fields["needs_snapshot"] = needs_snapshot.take_snapshot()
        return AgendaItem.objects.create(
            meeting=meeting,
            status=AgendaItem.Status.ACCEPTED,
            position=_next_position(meeting),
            proposed_by=by,
            **fields,
        )


def agenda_item_add_unmet_needs(*, meeting: Meeting, by) -> AgendaItem:
    """Once per meeting: a second one would only repeat the first (refresh it instead)."""
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if meeting.items.accepted().filter(kind=AgendaItem.Kind.UNMET_NEEDS).exists():
            raise MeetingError(
                _("This meeting already has the unmet needs item. Refresh its list instead.")
            )
        return agenda_item_add(
            meeting=meeting,
            by=by,
            title=UNMET_NEEDS_TITLE,
            description=UNMET_NEEDS_DESCRIPTION,
            kind=AgendaItem.Kind.UNMET_NEEDS,
            time_box_minutes=15,
        )


def agenda_item_refresh_snapshot(*, item: AgendaItem, by) -> AgendaItem:
    with transaction.atomic():
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if item.kind != AgendaItem.Kind.UNMET_NEEDS:
            raise MeetingError(_("Only an unmet needs item carries a snapshot."))
        item.needs_snapshot = needs_snapshot.take_snapshot()
        item.save(update_fields=["needs_snapshot"])
    return item


def agenda_item_propose(*, meeting: Meeting, by, **fields) -> AgendaItem:
    """Any signed-in neighbor proposes an item; organizers decide whether it goes on."""
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if meeting.status != Meeting.Status.PUBLISHED or meeting.ends_at < timezone.now():
            raise MeetingError(_("You can propose items for upcoming meetings only."))
        if fields.get("kind") == AgendaItem.Kind.UNMET_NEEDS:
            fields["kind"] = AgendaItem.Kind.DISCUSSION
        return AgendaItem.objects.create(
            meeting=meeting, status=AgendaItem.Status.PROPOSED, proposed_by=by, **fields
        )


def _notify_proposer(item: AgendaItem, *, kind: str, subject, template: str):
    person = item.proposed_by
    if person is None:
        return
    notice_send(recipient=person, kind=kind, about=item)
    if not email_at_once(recipient=person, kind=kind):
        return
    email_neighbor(
        user=person,
        subject=subject,
        template=template,
        context={"item": item, "meeting": item.meeting},
    )


def agenda_item_accept(*, item: AgendaItem, by) -> AgendaItem:
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if item.status != AgendaItem.Status.PROPOSED:
            raise MeetingError(_("This proposal was already answered."))
        item.status = AgendaItem.Status.ACCEPTED
        item.position = _next_position(meeting)
        item.save(update_fields=["status", "position"])
        item.meeting = meeting
        transaction.on_commit(
            lambda: _notify_proposer(
                item,
                kind=Notice.Kind.PROPOSAL_ACCEPTED,
                subject=lambda: _("Your item is on the agenda"),
                template="meetings/email/proposal_accepted.txt",
            )
        )
    return item


def agenda_item_decline(*, item: AgendaItem, by, reason: str) -> AgendaItem:
    reason = (reason or "").strip()
    if not reason:
        raise MeetingError(_("Please say why, so the neighbor who proposed it knows."))
    with transaction.atomic():
        item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
        if item.status != AgendaItem.Status.PROPOSED:
            raise MeetingError(_("This proposal was already answered."))
        item.status = AgendaItem.Status.DECLINED
        item.decline_reason = reason
        item.save(update_fields=["status", "decline_reason"])
        transaction.on_commit(
            lambda: _notify_proposer(
                item,
                kind=Notice.Kind.PROPOSAL_DECLINED,
                subject=lambda: _("About the item you proposed"),
                template="meetings/email/proposal_declined.txt",
            )
        )
    return item


def agenda_item_move(*, item: AgendaItem, direction: str, by) -> AgendaItem:
    """Swap an item with its neighbor above or below; positions are renumbered 0..n-1."""
    if direction not in ("up", "down"):
        raise MeetingError(_("An item can move up or down."))
    with transaction.atomic():
        _lock_meeting(item.meeting)
        items = list(
            AgendaItem.objects.select_for_update()
            .filter(meeting_id=item.meeting_id, status=AgendaItem.Status.ACCEPTED)
            .order_by("position", "pk")
        )
        index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
        if index is None:
            raise MeetingError(_("Only items on the agenda can be moved."))
        target = index - 1 if direction == "up" else index + 1
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        changed = []
        for position, other in enumerate(items):
            if other.position != position:
                other.position = position
                changed.append(other)
        AgendaItem.objects.bulk_update(changed, ["position"])
        # bulk_update and bulk_create send no post_save: say so to what visitors are shown.
        transaction.on_commit(lambda: shared_cache.changed(shared_cache.MEETINGS))
    return next(other for other in items if other.pk == item.pk)


def rsvp_set(*, meeting: Meeting, person, answer: str) -> Rsvp:
    """One answer per person: a second submit (or a double click) updates the same row."""
    if answer not in Rsvp.Answer.values:
        raise MeetingError(_("Please choose going, maybe or not going."))
    if meeting.status != Meeting.Status.PUBLISHED or meeting.ends_at < timezone.now():
        raise MeetingError(_("RSVPs are open for upcoming meetings only."))
    with transaction.atomic():
        # INSERT … ON CONFLICT (meeting, person) DO UPDATE: no race, no IntegrityError.
        transaction.on_commit(lambda: shared_cache.changed(shared_cache.MEETINGS))
        Rsvp.objects.bulk_create(
            [Rsvp(meeting=meeting, person=person, answer=answer, updated_at=timezone.now())],
            update_conflicts=True,
            unique_fields=["meeting", "person"],
            update_fields=["answer", "updated_at"],
        )
        return Rsvp.objects.get(meeting=meeting, person=person)


def poll_answer_set(*, item: AgendaItem, person, answer: str, reason: str = "") -> PollAnswer:
    """Say where you stand on a proposal. Changing your mind replaces your answer."""
    reason = (reason or "").strip()
    if answer not in PollAnswer.Answer.values:
        raise MeetingError(_("Please choose agree, stand aside, disagree or object."))
    if answer == PollAnswer.Answer.BLOCK and not reason:
        raise MeetingError(
            _("An objection needs a reason, so everyone can understand and respond.")
        )
    with transaction.atomic():
        # Lock the item so the poll can't close between the check and the answer.
        item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
        if not item.poll_is_open():
            raise MeetingError(_("This poll is closed: the decision has been recorded."))
        transaction.on_commit(lambda: shared_cache.changed(shared_cache.MEETINGS))
        PollAnswer.objects.bulk_create(
            [
                PollAnswer(
                    item=item,
                    person=person,
                    answer=answer,
                    reason=reason,
                    updated_at=timezone.now(),
                )
            ],
            update_conflicts=True,
            unique_fields=["item", "person"],
            update_fields=["answer", "reason", "updated_at"],
        )
        return PollAnswer.objects.get(item=item, person=person)


def poll_tally(item: AgendaItem) -> dict:
    counts = dict.fromkeys(PollAnswer.Answer.values, 0)
    for answer in item.poll_answers.values_list("answer", flat=True):
        counts[answer] += 1
    return counts


def decision_record(*, item: AgendaItem, by, text: str, outcome: str) -> Decision:
    """Record the decision on a proposal; this closes its poll and keeps the tally."""
    if outcome not in Decision.Outcome.values:
        raise MeetingError(_("Please choose an outcome."))
    with transaction.atomic():
        item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
        if item.has_decision:
            raise MeetingError(_("A decision on this item is already recorded."))
        if item.status != AgendaItem.Status.ACCEPTED:
            raise MeetingError(_("Only items on the agenda can be decided."))
        if item.meeting.status not in (Meeting.Status.PUBLISHED, Meeting.Status.HELD):
            raise MeetingError(_("Decisions are recorded for published meetings."))
        decided_on = timezone.localdate(item.meeting.starts_at)
        return Decision.objects.create(
            meeting=item.meeting,
            item=item,
            title=item.title,
            text=text.strip(),
            outcome=outcome,
            tally=poll_tally(item),
            decided_on=decided_on,
        )


def action_item_add(*, meeting: Meeting, by, **fields) -> ActionItem:
    decision = fields.get("decision")
    if decision is not None and decision.meeting_id != meeting.pk:
        raise MeetingError(_("That decision belongs to another meeting."))
    return ActionItem.objects.create(meeting=meeting, **fields)


def action_item_set_done(*, action: ActionItem, done: bool, by) -> ActionItem:
    with transaction.atomic():
        action = ActionItem.objects.select_for_update().get(pk=action.pk)
        action.done = done
        action.done_at = timezone.now() if done else None
        action.save(update_fields=["done", "done_at"])
    return action


@dataclass(frozen=True)
class RemindersRun:
    sent: int  # emails really handed to the mail queue
    failed: int  # reminders that could not be sent; they are tried again on the next run


class _ReminderNotSent(Refusal):
    pass


def meeting_reminders_send(*, now=None) -> RemindersRun:
    """Email everyone going or maybe to a meeting that happens tomorrow (hub time), once.

    A reminder that fails leaves its RSVP unmarked, so the next run tries it again.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    sent = failed = 0
    rsvps = (
        Rsvp.objects.filter(
            meeting__status=Meeting.Status.PUBLISHED,
            meeting__starts_at__date=tomorrow,
            answer__in=[Rsvp.Answer.GOING, Rsvp.Answer.MAYBE],
            reminded_at__isnull=True,
        )
        .select_related("meeting", "meeting__area", "person")
        .order_by("pk")
    )
    for rsvp in rsvps:
        try:
            with transaction.atomic():
                locked = Rsvp.objects.select_for_update(skip_locked=True).filter(
                    pk=rsvp.pk, reminded_at__isnull=True
                )
                if not locked.exists():
                    continue
                locked.update(reminded_at=now)
                queued = email_neighbor(
                    user=rsvp.person,
                    subject=lambda rsvp=rsvp: (
                        _("Reminder: %(title)s is tomorrow") % {"title": rsvp.meeting.title}
                    ),
                    template="meetings/email/reminder.txt",
                    context={"meeting": rsvp.meeting, "rsvp": rsvp},
                )
                if queued and queued.status == TaskResultStatus.FAILED:
                    raise _ReminderNotSent  # undoes reminded_at
        except Exception:
            logger.exception("The reminder for RSVP %s could not be sent", rsvp.pk)
            failed += 1
            continue
        if queued:
            sent += 1
    return RemindersRun(sent=sent, failed=failed)
