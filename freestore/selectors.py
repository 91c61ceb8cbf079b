"""Reads of the free store that take more than one query to answer: where a neighbor stands in
a thing's queue, and which of the most needed items they promised to bring. The pages call
these; the QuerySet methods in models.py do the asking."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from . import services
from .models import Hold, Pledge, Thing, ThingStatus


@dataclass(frozen=True)
class QueuePlace:
    """A thing's queue as one neighbor sees it: how long it is and where they are in it."""

    length: int
    my_hold: Hold | None
    my_place: int | None
    held_for_me: bool
    held_until: datetime.date | None
    can_borrow: bool


def _held_until(hold: Hold) -> datetime.date | None:
    if hold.notified_at is None:
        return None
    return timezone.localdate(hold.notified_at) + datetime.timedelta(days=services.HOLD_DAYS)


def thing_queue_place(*, thing: Thing, user) -> QueuePlace:
    """Where `user` stands in the queue for `thing` (which needs `Thing.objects.for_list()`
    for `is_held`). Whoever is first may borrow a held thing; anyone may borrow it when
    nobody waits."""
    queue = list(thing.holds.open().select_related("neighbor"))
    my_hold = next((h for h in queue if user.is_authenticated and h.neighbor_id == user.pk), None)
    first_is_mine = my_hold is not None and queue[0] == my_hold
    return QueuePlace(
        length=len(queue),
        my_hold=my_hold,
        my_place=queue.index(my_hold) + 1 if my_hold else None,
        held_for_me=thing.is_held and first_is_mine,
        held_until=_held_until(queue[0]) if thing.is_held else None,
        can_borrow=thing.status == ThingStatus.AVAILABLE and (not queue or first_is_mine),
    )


def items_mark_my_pledges(*, items, user) -> None:
    """Give each of `items` `my_pledge`: `user`'s pending promise to bring it, or None."""
    mine = {}
    if user.is_authenticated:
        pledges = Pledge.objects.pending().filter(neighbor=user, item__in=items)
        mine = {pledge.item_id: pledge for pledge in pledges}
    for item in items:
        item.my_pledge = mine.get(item.pk)
