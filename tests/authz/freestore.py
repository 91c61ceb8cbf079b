"""Authorization rules for the free store: public stock and shelf, volunteers move stock,
borrowers handle their own loans."""

import datetime

from django.utils import timezone

from freestore import services
from freestore.models import ThingStatus
from freestore.tests.factories import ItemFactory, ShiftFactory, StoreFactory, ThingFactory
from mutualaid.tests.factories import UserFactory

from .needs import owner_only
from .rules import (
    ANONYMOUS,
    DENIED,
    LOGIN,
    OK,
    OWNER,
    STORE_VOLUNTEER,
    Rule,
    everyone,
    members,
    public,
)


def volunteers():
    return {**everyone(DENIED), ANONYMOUS: LOGIN, STORE_VOLUNTEER: OK}


def volunteer_page(*methods, setup=None):
    rule = Rule(methods={method: volunteers() for method in methods or ("GET",)})
    if setup:
        rule.setup = setup
    return rule


def soon():
    return (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


def a_store(people):
    StoreFactory()
    return {}, None


def an_item_to_add(people):
    return {"__post__": {"item": ItemFactory(stock=3).pk, "quantity": 1}}, None


def a_thing_to_borrow(people):
    return {"pk": ThingFactory().pk, "__post__": {"due_on": soon()}}, None


def a_thing_to_repair(people):
    return {"pk": ThingFactory().pk, "__post__": {"status": ThingStatus.IN_REPAIR}}, None


def an_item(people):
    return {"pk": ItemFactory(stock=3).pk}, None


def an_item_in_the_basket(people):
    return {"item_id": ItemFactory(stock=3).pk}, None


def a_thing(people):
    return {"pk": ThingFactory().pk}, None


def a_thing_on_loan(people):
    thing = ThingFactory()
    services.loan_borrow(thing=thing, borrower=UserFactory())
    return {"pk": thing.pk}, None


def a_loan(people):
    loan = services.loan_borrow(thing=ThingFactory(), borrower=people[OWNER])
    return {"pk": loan.pk}, people[OWNER]


def a_hold(people):
    thing = ThingFactory()
    services.loan_borrow(thing=thing, borrower=people["neighbor"])
    hold = services.hold_place(thing=thing, neighbor=people[OWNER])
    return {"pk": hold.pk}, people[OWNER]


def a_shift(people):
    return {"pk": ShiftFactory().pk}, None


def a_shift_i_signed_up_for(people):
    shift = ShiftFactory(places=5)
    services.shift_sign_up(shift=shift, volunteer=people[OWNER])
    return {"pk": shift.pk}, people[OWNER]


def loan_holder_or_volunteer():
    return {**owner_only(), STORE_VOLUNTEER: OK}


RULES = {
    "freestore:index": public(),
    "freestore:needed": public(),
    "freestore:shelf": public(),
    "freestore:shifts": public(),
    "freestore:thing_detail": Rule(setup=a_thing, methods={"GET": everyone()}),
    "freestore:shift_detail": Rule(setup=a_shift, methods={"GET": everyone()}),
    "freestore:thing_borrow": members("POST", setup=a_thing_to_borrow),
    "freestore:thing_hold": members("POST", setup=a_thing_on_loan),
    "freestore:hold_cancel": Rule(setup=a_hold, methods={"POST": owner_only()}),
    "freestore:loans": members(),
    "freestore:loan_return": Rule(setup=a_loan, methods={"POST": loan_holder_or_volunteer()}),
    "freestore:loan_renew": Rule(setup=a_loan, methods={"POST": loan_holder_or_volunteer()}),
    "freestore:shift_sign_up": members("POST", setup=a_shift),
    "freestore:shift_cancel": Rule(setup=a_shift_i_signed_up_for, methods={"POST": owner_only()}),
    # Volunteer screens
    "freestore:volunteer": volunteer_page(),
    "freestore:items": volunteer_page(),
    "freestore:item_suggest": volunteer_page(),
    "freestore:intake": volunteer_page("GET", "POST", setup=a_store),
    "freestore:item_create": volunteer_page("GET", "POST", setup=a_store),
    "freestore:item_detail": volunteer_page("GET", "POST", setup=an_item),
    "freestore:item_edit": volunteer_page("GET", "POST", setup=an_item),
    "freestore:basket": volunteer_page(),
    "freestore:basket_add": volunteer_page("POST", setup=an_item_to_add),
    "freestore:basket_remove": volunteer_page("POST", setup=an_item_in_the_basket),
    "freestore:basket_check_out": volunteer_page("POST"),
    "freestore:stocktake": volunteer_page("GET", "POST"),
    "freestore:thing_create": volunteer_page("GET", "POST"),
    "freestore:thing_edit": volunteer_page("GET", "POST", setup=a_thing),
    "freestore:thing_status": volunteer_page("POST", setup=a_thing_to_repair),
    "freestore:shift_create": volunteer_page("GET", "POST"),
    "freestore:report": volunteer_page(),
    "freestore:movements_csv": volunteer_page(),
}
