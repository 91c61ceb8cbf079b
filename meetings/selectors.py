"""Reads of the meetings app that take more than one query: how people answered a meeting's
RSVP, and its agenda with each item's tally and the reader's own answer. The pages render
these; the QuerySet methods in models.py do the asking."""

from django.db.models import Count, Q

from . import services
from .models import POLL_HINTS, AgendaItem, Meeting, PollAnswer, Rsvp, explained


def meeting_rsvp_summary(*, meeting: Meeting, user) -> dict:
    """How many are going, maybe or not, what `user` answered, and whether RSVP is open."""
    counts = meeting.rsvps.aggregate(
        going=Count("pk", filter=Q(answer=Rsvp.Answer.GOING)),
        maybe=Count("pk", filter=Q(answer=Rsvp.Answer.MAYBE)),
        not_going=Count("pk", filter=Q(answer=Rsvp.Answer.NOT_GOING)),
    )
    mine = None
    if user.is_authenticated:
        mine = meeting.rsvps.filter(person=user).values_list("answer", flat=True).first()
    return {
        "meeting": meeting,
        "rsvp_counts": counts,
        "my_rsvp": mine,
        "rsvp_choices": Rsvp.Answer.choices,
        "rsvp_open": meeting.status == Meeting.Status.PUBLISHED and meeting.is_upcoming,
    }


def meeting_agenda(*, meeting: Meeting, user) -> dict:
    """The accepted agenda in order, each item with its tally, its block reasons and
    `user`'s own answer; the time it adds up to; and what `user` may do with it."""
    items = list(meeting.items.for_agenda())
    mine = {}
    if user.is_authenticated:
        mine = {
            answer.item_id: answer
            for answer in PollAnswer.objects.filter(person=user, item__meeting=meeting).only(
                "item_id", "answer", "reason"
            )
        }
    reasons = {}
    for item_id, reason in (
        PollAnswer.objects.filter(item__meeting=meeting)
        .block_reasons()
        .values_list("item_id", "reason")
    ):
        reasons.setdefault(item_id, []).append(reason)
    for item in items:
        item.meeting = meeting
        item.my_answer = mine.get(item.pk)
        item.block_reasons = reasons.get(item.pk, [])
        item.tally = {
            "agree": item.agree_count,
            "abstain": item.abstain_count,
            "disagree": item.disagree_count,
            "block": item.block_count,
        }
    total = sum(item.time_box_minutes for item in items)
    is_organizer = services.is_organizer(user)
    return {
        "meeting": meeting,
        "items": items,
        "total_minutes": total,
        "length_minutes": meeting.length_minutes,
        "over_time": total > meeting.length_minutes,
        "has_unmet_needs": any(item.kind == AgendaItem.Kind.UNMET_NEEDS for item in items),
        "is_organizer": is_organizer,
        "can_reorder": is_organizer
        and meeting.status in (Meeting.Status.DRAFT, Meeting.Status.PUBLISHED),
        "answer_choices": explained(PollAnswer.Answer.choices, POLL_HINTS),
    }
