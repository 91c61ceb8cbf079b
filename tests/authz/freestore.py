"""Authorization rules for the free store: public stock and shelf, neighbors' own loans,
store volunteers' screens."""

import datetime

from django.utils import timezone

from freestore.services import hold_place, loan_borrow, pledge_make, shift_sign_up
from freestore.tests.factories import ItemFactory, ShiftFactory, StoreFactory, ThingFactory
from mutualaid.tests.factories import UserFactory

from .rules import OWNER, STORE_VOLUNTEER, Rule, everyone, members, only, public, signed_in


def a_store(people):
    StoreFactory()
    return {}, None


def a_thing(people):
    return {"pk": ThingFactory().pk}, None


def a_thing_to_borrow(people):
    due = timezone.localdate() + datetime.timedelta(days=3)
    return {"pk": ThingFactory().pk, "__post__": {"due_on": due.isoformat()}}, None


def a_thing_out_on_loan(people):
    thing = ThingFactory()
    loan_borrow(thing=thing, borrower=UserFactory())
    return {"pk": thing.pk}, None


def my_hold(people):
    thing = ThingFactory()
    loan_borrow(thing=thing, borrower=UserFactory())
    hold = hold_place(thing=thing, neighbor=people[OWNER])
    return {"pk": hold.pk}, people[OWNER]


def my_loan(people):
    loan = loan_borrow(thing=ThingFactory(), borrower=people[OWNER])
    return {"pk": loan.pk}, people[OWNER]


def a_shift(people):
    return {"pk": ShiftFactory().pk}, None


def my_shift(people):
    shift = ShiftFactory()
    shift_sign_up(shift=shift, volunteer=people[OWNER])
    return {"pk": shift.pk}, people[OWNER]


def an_item(people):
    return {"pk": ItemFactory(stock=3).pk}, None


def an_item_in_the_basket(people):
    return {"item_id": ItemFactory(stock=3).pk}, None


def an_item_to_add(people):
    return {"__post__": {"item": ItemFactory(stock=3).pk, "quantity": 1}}, None


def a_thing_to_repair(people):
    return {"pk": ThingFactory().pk, "__post__": {"status": "in_repair"}}, None


def a_needed_item(people):
    return {"pk": ItemFactory(target=5).pk, "__post__": {"quantity": 2}}, None


def my_pledge(people):
    pledge = pledge_make(item=ItemFactory(target=5), neighbor=people[OWNER], quantity=2)
    return {"pk": pledge.pk}, people[OWNER]


VOLUNTEERS = only(STORE_VOLUNTEER)
BORROWER_OR_VOLUNTEER = only(STORE_VOLUNTEER, owner_too=True)


def volunteers(*methods, setup=a_store):
    return Rule(setup=setup, methods=dict.fromkeys(methods or ("GET",), VOLUNTEERS))


RULES = {
    "freestore:index": public(),
    "freestore:needed": public(),
    "freestore:needed_poster": public(),
    "freestore:shelf": public(),
    "freestore:shifts": public(),
    "freestore:thing_detail": Rule(setup=a_thing, methods={"GET": everyone()}),
    "freestore:shift_detail": Rule(setup=a_shift, methods={"GET": everyone()}),
    "freestore:shift_day_sheet": Rule(setup=a_shift, methods={"GET": everyone()}),
    "freestore:loans": members(),
    "freestore:pledge": Rule(
        setup=a_needed_item, methods={"GET": signed_in(), "POST": signed_in()}
    ),
    "freestore:pledge_receive": volunteers("POST", setup=my_pledge),
    "freestore:pledge_withdraw": Rule(setup=my_pledge, methods={"POST": BORROWER_OR_VOLUNTEER}),
    "freestore:thing_borrow": Rule(setup=a_thing_to_borrow, methods={"POST": signed_in()}),
    "freestore:thing_hold": Rule(setup=a_thing_out_on_loan, methods={"POST": signed_in()}),
    "freestore:hold_cancel": Rule(setup=my_hold, methods={"POST": only(owner_too=True)}),
    "freestore:loan_return": Rule(setup=my_loan, methods={"POST": BORROWER_OR_VOLUNTEER}),
    "freestore:loan_renew": Rule(setup=my_loan, methods={"POST": BORROWER_OR_VOLUNTEER}),
    "freestore:shift_sign_up": Rule(setup=a_shift, methods={"POST": signed_in()}),
    "freestore:shift_cancel": Rule(setup=my_shift, methods={"POST": only(owner_too=True)}),
    "freestore:volunteer": volunteers(),
    "freestore:intake": volunteers("GET", "POST"),
    "freestore:items": volunteers(),
    "freestore:item_create": volunteers("GET", "POST"),
    "freestore:item_suggest": volunteers(),
    "freestore:item_detail": volunteers("GET", "POST", setup=an_item),
    "freestore:item_edit": volunteers("GET", "POST", setup=an_item),
    "freestore:basket": volunteers(),
    "freestore:basket_add": volunteers("POST", setup=an_item_to_add),
    "freestore:basket_remove": volunteers("POST", setup=an_item_in_the_basket),
    "freestore:basket_check_out": volunteers("POST"),
    "freestore:stocktake": volunteers("GET", "POST"),
    "freestore:report": volunteers(),
    "freestore:movements_csv": volunteers(),
    "freestore:thing_create": volunteers("GET", "POST"),
    "freestore:thing_edit": volunteers("GET", "POST", setup=a_thing),
    "freestore:thing_status": volunteers("POST", setup=a_thing_to_repair),
    "freestore:shift_create": volunteers("GET", "POST"),
}
