"""Writes that change stock, loans, holds and shifts: each in one transaction, locking what it
changes, raising StoreError with a message for the person when it cannot be done.
"""

import datetime
from collections.abc import Iterable

from django.contrib.postgres.search import TrigramSimilarity
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from inbox.models import Notice
from inbox.services import email_at_once, notice_refresh, notice_send
from mutualaid.notify import email_neighbor
from mutualaid.refusals import Refusal

from .models import (
    Condition,
    Hold,
    Item,
    Loan,
    MovementKind,
    Pledge,
    Shift,
    ShiftSignup,
    StockMovement,
    Store,
    Thing,
    ThingStatus,
)

MAX_RENEWALS = 2
# Days a returned thing waits for the person who was told it is back, before the next one.
HOLD_DAYS = 3


class StoreError(Refusal):
    """Something a volunteer or neighbor asked for that cannot happen; the message says why."""


def _locked_items(item_ids: Iterable[int]) -> dict[int, Item]:
    # Lock in id order so two baskets sharing items cannot deadlock each other.
    ids = sorted(set(item_ids))
    return {item.pk: item for item in Item.objects.select_for_update().filter(pk__in=ids)}


def _move(*, item: Item, kind: str, quantity: int, by, reason: str = "", note: str = ""):
    """Add a ledger line and keep the on-hand quantity in step (caller holds the row lock)."""
    if item.quantity + quantity < 0:
        raise StoreError(
            _("Only %(left)d of “%(item)s” left, so %(wanted)d can't go out.")
            % {"left": item.quantity, "item": item, "wanted": -quantity}
        )
    movement = StockMovement.objects.create(
        item=item, kind=kind, quantity=quantity, by=by, reason=reason, note=note
    )
    Item.objects.filter(pk=item.pk).update(quantity=F("quantity") + quantity)
    item.quantity += quantity
    return movement


def _atomic_stock(function):
    """Run a stock write atomically; the database constraint is the last line of defence."""

    def wrapped(**kwargs):
        try:
            with transaction.atomic():
                return function(**kwargs)
        except IntegrityError as error:
            raise StoreError(
                _("Someone else changed this stock at the same moment. Nothing was saved.")
            ) from error

    wrapped.__name__ = function.__name__
    wrapped.__doc__ = function.__doc__
    return wrapped


# How alike two names must be (pg_trgm similarity) for a new one to be asked about first.
NEAR_DUPLICATE = 0.5


def item_find_or_create(
    *,
    store: Store,
    name: str,
    size: str = "",
    condition: str = "",
    category=None,
    new_item: bool = False,
) -> Item:
    """The store's item with this name and size, created when new (needs a category).

    The condition only chooses between variants the store already keeps apart: a donation of
    something the store knows goes to it whatever the condition says, so no twin is made. A
    name close to a known one is asked about before a new item is made, unless `new_item`.
    """
    name, size = " ".join(name.split()), size.strip()
    known = Item.objects.filter(store=store, name__iexact=name, size=size).order_by("pk")
    item = (condition and known.filter(condition=condition).first()) or known.first()
    if item is not None:
        return item
    if not new_item:
        close = (
            Item.objects.filter(store=store)
            .annotate(similarity=TrigramSimilarity("name", name))
            .filter(similarity__gte=NEAR_DUPLICATE)
            .order_by("-similarity", "pk")
            .first()
        )
        if close is not None:
            raise StoreError(
                _(
                    "Did you mean “%(known)s”? Type that name to add to it, or tick "
                    "“It's a new item” to add “%(name)s”."
                )
                % {"known": close, "name": name}
            )
    if category is None:
        raise StoreError(_("“%(name)s” is new here: choose a category for it.") % {"name": name})
    item, _created = Item.objects.get_or_create(
        store=store,
        name__iexact=name,
        size=size,
        condition=condition or Condition.GOOD,
        defaults={"name": name, "category": category},
    )
    return item


@_atomic_stock
def stock_intake(*, lines: list[tuple[Item, int]], by, note: str = "") -> list[StockMovement]:
    """Record a donation of several items at once."""
    if not lines:
        raise StoreError(_("Add at least one item with how many came in."))
    items = _locked_items(item.pk for item, _qty in lines)
    return [
        _move(item=items[item.pk], kind=MovementKind.INTAKE, quantity=qty, by=by, note=note)
        for item, qty in lines
    ]


def pledge_make(*, item: Item, neighbor, quantity: int) -> Pledge:
    """'I can donate this': the store volunteers see the promise on their screen."""
    if quantity < 1:
        raise StoreError(_("Say how many you can bring."))
    return Pledge.objects.create(item=item, neighbor=neighbor, quantity=quantity)


@_atomic_stock
def pledge_receive(*, pledge: Pledge, by) -> StockMovement:
    """It came in: record the donation in the ledger and close the pledge, once."""
    # Lock order: the pledge, then the item (as stock_intake does).
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.status != Pledge.Status.PLEDGED:
        raise StoreError(_("That promise was already closed."))
    item = _locked_items([pledge.item_id])[pledge.item_id]
    movement = _move(item=item, kind=MovementKind.INTAKE, quantity=pledge.quantity, by=by)
    pledge.status, pledge.movement = Pledge.Status.RECEIVED, movement
    pledge.save(update_fields=["status", "movement"])
    return movement


def pledge_withdraw(*, pledge: Pledge) -> None:
    """The neighbor can't bring it after all (or a volunteer says it never came)."""
    Pledge.objects.filter(pk=pledge.pk, status=Pledge.Status.PLEDGED).update(
        status=Pledge.Status.WITHDRAWN
    )


@_atomic_stock
def stock_give_away(*, item: Item, quantity: int, by) -> StockMovement:
    """Record that `quantity` of one item left the store. Nothing about who took it."""
    if quantity <= 0:
        raise StoreError(_("Give away at least one."))
    locked = _locked_items([item.pk])[item.pk]
    movement = _move(item=locked, kind=MovementKind.GIVE_AWAY, quantity=-quantity, by=by)
    item.quantity = locked.quantity
    return movement


@_atomic_stock
def basket_check_out(*, lines: dict[int, int], by) -> list[StockMovement]:
    """Give away a basket of items (item id -> quantity) all together or not at all."""
    lines = {item_id: qty for item_id, qty in lines.items() if qty > 0}
    if not lines:
        raise StoreError(_("The basket is empty."))
    items = _locked_items(lines)
    missing = set(lines) - set(items)
    if missing:
        raise StoreError(_("Something in the basket is no longer in the store’s list of items."))
    return [
        _move(item=items[item_id], kind=MovementKind.GIVE_AWAY, quantity=-qty, by=by)
        for item_id, qty in sorted(lines.items())
    ]


@_atomic_stock
def stock_adjust(*, item: Item, quantity: int, reason: str, by, note: str = "") -> StockMovement:
    """Correct the stock for a reason (damaged, expired, miscounted…)."""
    if quantity == 0:
        raise StoreError(_("An adjustment has to change the stock by at least one."))
    if not reason:
        raise StoreError(_("Say why the stock changes."))
    locked = _locked_items([item.pk])[item.pk]
    movement = _move(
        item=locked,
        kind=MovementKind.ADJUSTMENT,
        quantity=quantity,
        by=by,
        reason=reason,
        note=note,
    )
    item.quantity = locked.quantity
    return movement


@_atomic_stock
def stocktake_record(*, counts: dict[int, int], by) -> list[StockMovement]:
    """Counted numbers (item id -> count) become stocktake lines for every difference."""
    if any(count < 0 for count in counts.values()):
        raise StoreError(_("A count can't be below zero."))
    items = _locked_items(counts)
    movements = []
    for item_id, counted in sorted(counts.items()):
        item = items.get(item_id)
        if item is None or counted == item.quantity:
            continue
        movements.append(
            _move(item=item, kind=MovementKind.STOCKTAKE, quantity=counted - item.quantity, by=by)
        )
    return movements


# Lending shelf ---------------------------------------------------------------------------


def _open_holds(thing: Thing):
    return Hold.objects.open().select_related("neighbor").filter(thing=thing)


@transaction.atomic
def loan_borrow(*, thing: Thing, borrower, due_on: datetime.date | None = None) -> Loan:
    """Lend a thing. When people are waiting, the first in the queue goes first."""
    thing = Thing.objects.select_for_update().get(pk=thing.pk)
    if thing.status != ThingStatus.AVAILABLE:
        raise StoreError(
            _("“%(thing)s” is not on the shelf right now. You can join the queue.")
            % {"thing": thing}
        )
    first = _open_holds(thing).first()
    if first is not None and first.neighbor_id != borrower.pk:
        raise StoreError(
            _("Someone is waiting for “%(thing)s”. Join the queue and we'll email you.")
            % {"thing": thing}
        )
    today = timezone.localdate()
    due_on = due_on or today + datetime.timedelta(days=thing.loan_days)
    if due_on < today:
        raise StoreError(_("The due date can't be in the past."))
    loan = Loan.objects.create(thing=thing, borrower=borrower, due_on=due_on)
    Thing.objects.filter(pk=thing.pk).update(status=ThingStatus.ON_LOAN)
    Hold.objects.open().filter(thing=thing, neighbor=borrower).update(closed_at=timezone.now())
    return loan


@transaction.atomic
def loan_return(*, loan: Loan) -> Hold | None:
    """Bring a thing back; the next person in the queue is emailed. Returns their hold."""
    thing = Thing.objects.select_for_update().get(pk=loan.thing_id)
    loan = Loan.objects.select_for_update().get(pk=loan.pk)
    if loan.returned_at is not None:
        raise StoreError(_("This was already returned. Thank you!"))
    loan.returned_at = timezone.now()
    loan.save(update_fields=["returned_at"])
    if thing.status == ThingStatus.ON_LOAN:
        thing.status = ThingStatus.AVAILABLE
        thing.save(update_fields=["status"])
    return _tell_next_in_queue(thing)


def _tell_next_in_queue(thing: Thing) -> Hold | None:
    if thing.status != ThingStatus.AVAILABLE:
        return None
    hold = _open_holds(thing).first()
    if hold is None or hold.notified_at is not None:
        return hold
    hold.notified_at = timezone.now()
    hold.save(update_fields=["notified_at"])
    notice_send(recipient=hold.neighbor, kind=Notice.Kind.HELD, about=thing)
    if email_at_once(recipient=hold.neighbor, kind=Notice.Kind.HELD):
        transaction.on_commit(
            lambda: email_neighbor(
                user=hold.neighbor,
                subject=lambda: _("%(thing)s is back on the shelf for you") % {"thing": thing},
                template="freestore/email/hold_ready.txt",
                context={"thing": thing, "store": thing.store},
            )
        )
    return hold


@transaction.atomic
def loan_renew(*, loan: Loan) -> Loan:
    """Keep a thing longer, unless someone is waiting for it."""
    loan = Loan.objects.select_for_update().select_related("thing").get(pk=loan.pk)
    if loan.returned_at is not None:
        raise StoreError(_("This loan is already closed."))
    if _open_holds(loan.thing).exists():
        raise StoreError(
            _("Someone is waiting for it, so it can't be renewed. Please bring it back.")
        )
    if loan.renewals >= MAX_RENEWALS:
        raise StoreError(_("It has been renewed as often as it can be. Please bring it back."))
    loan.renewals += 1
    loan.due_on = max(loan.due_on, timezone.localdate()) + datetime.timedelta(
        days=loan.thing.loan_days
    )
    loan.save(update_fields=["renewals", "due_on"])
    return loan


@transaction.atomic
def hold_place(*, thing: Thing, neighbor) -> Hold:
    """Join the queue for a thing."""
    thing = Thing.objects.select_for_update().get(pk=thing.pk)
    if thing.status == ThingStatus.RETIRED:
        raise StoreError(_("This thing is no longer lent out."))
    if Loan.objects.open().filter(thing=thing, borrower=neighbor).exists():
        raise StoreError(_("You have it already."))
    if thing.status == ThingStatus.AVAILABLE and not _open_holds(thing).exists():
        raise StoreError(_("It's on the shelf: you can borrow it now."))
    hold, created = Hold.objects.open().get_or_create(thing=thing, neighbor=neighbor)
    if not created:
        raise StoreError(_("You are already in the queue."))
    return hold


@transaction.atomic
def hold_cancel(*, hold: Hold) -> None:
    """Leave the queue; if the thing was waiting for this person, the next one is told."""
    thing = Thing.objects.select_for_update().get(pk=hold.thing_id)
    updated = Hold.objects.open().filter(pk=hold.pk).update(closed_at=timezone.now())
    if updated:
        _tell_next_in_queue(thing)


@transaction.atomic
def thing_set_status(*, thing: Thing, status: str) -> Thing:
    """A volunteer sends a thing to repair, retires it or puts it back on the shelf."""
    thing = Thing.objects.select_for_update().get(pk=thing.pk)
    if thing.status == ThingStatus.ON_LOAN or status == ThingStatus.ON_LOAN:
        raise StoreError(_("Lending and returns go through a loan, not the status."))
    thing.status = status
    thing.save(update_fields=["status"])
    _tell_next_in_queue(thing)
    return thing


def holds_pass_on(*, now: datetime.datetime | None = None) -> int:
    """Close holds whose person was told HOLD_DAYS ago and never came; tell the next one."""
    now = now or timezone.now()
    stale = (
        Hold.objects.open()
        .filter(notified_at__lt=now - datetime.timedelta(days=HOLD_DAYS))
        .values_list("pk", "thing_id")
    )
    passed = 0
    for hold_pk, thing_pk in stale:
        with transaction.atomic():
            thing = Thing.objects.select_for_update().get(pk=thing_pk)
            if Hold.objects.open().filter(pk=hold_pk).update(closed_at=now):
                passed += 1
                _tell_next_in_queue(thing)
    return passed


def loans_remind_overdue(*, today: datetime.date | None = None) -> int:
    """Tell each borrower whose loan is overdue (inbox, and email if they want it at once),
    at most once a day. Returns emails queued."""
    today = today or timezone.localdate()
    sent = 0
    for loan in Loan.objects.overdue(today).select_related("thing", "borrower"):
        with transaction.atomic():
            claimed = (
                Loan.objects.filter(pk=loan.pk, returned_at__isnull=True)
                .exclude(reminded_on=today)
                .update(reminded_on=today)
            )
            if not claimed:
                continue
            kind = Notice.Kind.LOAN_DUE
            notice_refresh(recipient=loan.borrower, kind=kind, about=loan.thing)
            if email_at_once(recipient=loan.borrower, kind=kind) and email_neighbor(
                user=loan.borrower,
                subject=lambda loan=loan: (
                    _("Could you bring back %(thing)s?") % {"thing": loan.thing}
                ),
                template="freestore/email/loan_overdue.txt",
                context={"loan": loan, "thing": loan.thing, "store": loan.thing.store},
            ):
                sent += 1
    return sent


# Shifts ----------------------------------------------------------------------------------


@transaction.atomic
def shift_sign_up(*, shift: Shift, volunteer) -> ShiftSignup:
    """Take a place on a shift. The shift row lock means two people can't take the last place."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    if shift.ends_at <= timezone.now():
        raise StoreError(_("This shift is over."))
    if ShiftSignup.objects.filter(shift=shift, volunteer=volunteer).exists():
        raise StoreError(_("You are already on this shift."))
    if ShiftSignup.objects.filter(shift=shift).count() >= shift.places:
        raise StoreError(_("Sorry, this shift just filled up. Another one may have room."))
    return ShiftSignup.objects.create(shift=shift, volunteer=volunteer)


@transaction.atomic
def shift_cancel(*, shift: Shift, volunteer) -> None:
    deleted, _rows = ShiftSignup.objects.filter(shift=shift, volunteer=volunteer).delete()
    if not deleted:
        raise StoreError(_("You weren't on this shift."))


def shifts_remind(*, now: datetime.datetime | None = None) -> int:
    """Tell everyone on a shift that starts tomorrow (hub time), once: in the inbox, and by
    email if they want it at once. Returns emails queued."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    sent = 0
    signups = ShiftSignup.objects.filter(
        shift__starts_at__date=tomorrow, reminded_at__isnull=True
    ).select_related("shift", "shift__store", "volunteer")
    for signup in signups:
        with transaction.atomic():
            claimed = ShiftSignup.objects.filter(pk=signup.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue
            kind = Notice.Kind.SHIFT
            notice_send(recipient=signup.volunteer, kind=kind, about=signup.shift)
            if email_at_once(recipient=signup.volunteer, kind=kind) and email_neighbor(
                user=signup.volunteer,
                subject=lambda signup=signup: (
                    _("Your shift at %(store)s tomorrow") % {"store": signup.shift.store}
                ),
                template="freestore/email/shift_reminder.txt",
                context={"shift": signup.shift, "store": signup.shift.store},
            ):
                sent += 1
    return sent
