"""My data for the free store: a neighbor's loans, places in queues, promised donations and
shift sign-ups, given back on request and let go when they delete their account.

Give-aways never record who took something, so there is nothing about a person to find there.
"""

from django.db import transaction

from .models import Hold, Loan, Pledge, ShiftSignup
from .selectors import thing_queue_place


def export_user_data(user) -> dict:
    loans = Loan.objects.filter(borrower=user).select_related("thing", "thing__store")
    holds = list(
        Hold.objects.filter(neighbor=user).select_related("thing").order_by("created_at", "pk")
    )
    # A place in a queue as the thing's page shows it; who else waits is theirs.
    places = {
        hold.pk: thing_queue_place(thing=hold.thing, user=user).my_place
        for hold in holds
        if hold.closed_at is None
    }
    signups = ShiftSignup.objects.filter(volunteer=user).select_related("shift", "shift__store")
    return {
        "loans": [
            {
                "thing": loan.thing.name,
                "store": loan.thing.store.name,
                "borrowed": loan.borrowed_at,
                "due_back": loan.due_on,
                "returned": loan.returned_at,
                "renewals": loan.renewals,
            }
            for loan in loans.order_by("borrowed_at", "pk")
        ],
        "holds": [
            {
                "thing": hold.thing.name,
                "asked": hold.created_at,
                "place_in_queue": places.get(hold.pk),
                "waiting_for_you_since": hold.notified_at,
                "closed": hold.closed_at,
            }
            for hold in holds
        ],
        "pledges": [
            {
                "item": str(pledge.item),
                "store": pledge.item.store.name,
                "how_many": pledge.quantity,
                "promised": pledge.created_at,
                "status": pledge.status,
            }
            for pledge in Pledge.objects.filter(neighbor=user).select_related("item", "item__store")
        ],
        "shifts": [
            {
                "store": signup.shift.store.name,
                "starts": signup.shift.starts_at,
                "ends": signup.shift.ends_at,
                "what": signup.shift.note,
                "signed_up": signup.created_at,
            }
            for signup in signups.order_by("shift__starts_at", "pk")
        ],
    }


def forget_user(user) -> None:
    """Leave every queue, drop shift sign-ups, keep loans as the shelf's shared record.

    - Holds: each open one is cancelled through `services.hold_cancel`, so a thing that was
      back and waiting for this person passes to the next in the queue, who is emailed, just
      as when someone leaves a queue themselves. Then their holds are deleted: a queue place
      only ever mattered to them.
    - Shift sign-ups are deleted, so the place is free again and their name is off the shift.
    - Loans stay. A store volunteer needs to know where each thing is: a thing still out keeps
      its open loan, shows "On loan" and "Lent to a former neighbor", is never offered as on
      the shelf while it isn't, and is recorded back by a volunteer when it returns (the
      overdue reminder no longer reaches anyone, since the account has no email). Returned
      loans stay as the shelf's history, signed "a former neighbor".
    """
    from . import services

    with transaction.atomic():
        for hold in Hold.objects.open().filter(neighbor=user).order_by("pk"):
            services.hold_cancel(hold=hold)
        Hold.objects.filter(neighbor=user).delete()
        # A promise only mattered to them; what arrived stays in the ledger.
        Pledge.objects.filter(neighbor=user).delete()
        ShiftSignup.objects.filter(volunteer=user).delete()
