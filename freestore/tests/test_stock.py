"""The stock ledger: every change is a movement, and the quantity on hand never goes below zero."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum

from ..models import Item, MovementKind, StockMovement
from ..services import (
    StoreError,
    basket_check_out,
    item_find_or_create,
    stock_adjust,
    stock_give_away,
    stock_intake,
    stocktake_record,
)
from .factories import ItemFactory, StoreFactory, volunteer

pytestmark = pytest.mark.django_db


def ledger_total(item):
    return StockMovement.objects.filter(item=item).aggregate(total=Sum("quantity"))["total"] or 0


def test_a_donation_of_several_items_lands_in_the_ledger_and_on_the_shelf(store_volunteer):
    coats, tins = ItemFactory(name="Winter coat"), ItemFactory(name="Tinned food")
    stock_intake(lines=[(coats, 3), (tins, 12)], by=store_volunteer)
    coats.refresh_from_db()
    tins.refresh_from_db()
    assert (coats.quantity, tins.quantity) == (3, 12)
    assert ledger_total(coats) == 3 and ledger_total(tins) == 12
    assert StockMovement.objects.filter(kind=MovementKind.INTAKE, by=store_volunteer).count() == 2


def test_giving_away_more_than_is_on_hand_is_refused_and_nothing_changes(store_volunteer):
    item = ItemFactory(stock=2)
    with pytest.raises(StoreError, match="Only 2"):
        stock_give_away(item=item, quantity=3, by=store_volunteer)
    item.refresh_from_db()
    assert item.quantity == 2
    assert ledger_total(item) == 2


def test_a_basket_is_given_away_all_together_or_not_at_all(store_volunteer):
    coats, hats = ItemFactory(stock=3), ItemFactory(stock=1)
    with pytest.raises(StoreError):
        basket_check_out(lines={coats.pk: 2, hats.pk: 2}, by=store_volunteer)
    coats.refresh_from_db()
    assert coats.quantity == 3, "the coats must not half-leave"
    movements = basket_check_out(lines={coats.pk: 2, hats.pk: 1}, by=store_volunteer)
    assert [m.kind for m in movements] == [MovementKind.GIVE_AWAY] * 2
    assert Item.objects.get(pk=coats.pk).quantity == 1
    assert Item.objects.get(pk=hats.pk).quantity == 0


def test_a_give_away_records_items_and_numbers_but_nothing_about_who_took_them():
    fields = {f.name for f in StockMovement._meta.get_fields()}
    assert not fields & {"recipient", "household", "person", "client", "taken_by"}
    item = ItemFactory(stock=2)
    # The database itself refuses a give-away carrying a reason or note.
    with pytest.raises(IntegrityError), transaction.atomic():
        StockMovement.objects.create(
            item=item, kind=MovementKind.GIVE_AWAY, quantity=-1, note="for Mrs X", by=volunteer()
        )


def test_the_database_refuses_a_negative_quantity_whatever_the_path():
    item = ItemFactory(stock=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.filter(pk=item.pk).update(quantity=-1)


def test_an_adjustment_needs_a_reason_and_cannot_go_below_zero(store_volunteer):
    item = ItemFactory(stock=2)
    stock_adjust(item=item, quantity=-1, reason="damaged", by=store_volunteer)
    with pytest.raises(StoreError):
        stock_adjust(item=item, quantity=-5, reason="expired", by=store_volunteer)
    with pytest.raises(StoreError):
        stock_adjust(item=item, quantity=-1, reason="", by=store_volunteer)
    item.refresh_from_db()
    assert item.quantity == 1 == ledger_total(item)


def test_a_stocktake_turns_counted_numbers_into_ledger_lines(store_volunteer):
    counted_less, counted_same, counted_more = (ItemFactory(stock=n) for n in (5, 3, 1))
    movements = stocktake_record(
        counts={counted_less.pk: 2, counted_same.pk: 3, counted_more.pk: 4}, by=store_volunteer
    )
    assert sorted(m.quantity for m in movements) == [-3, 3]
    for item, expected in ((counted_less, 2), (counted_same, 3), (counted_more, 4)):
        item.refresh_from_db()
        assert item.quantity == expected == ledger_total(item)


def test_typing_a_known_name_finds_the_item_and_a_new_name_needs_a_category():
    store = StoreFactory()
    coat = ItemFactory(store=store, name="Winter coat", size="L")
    assert item_find_or_create(store=store, name="winter  COAT", size="L", condition="good") == coat
    with pytest.raises(StoreError, match="category"):
        item_find_or_create(store=store, name="Scarf", condition="good")
    scarf = item_find_or_create(store=store, name="Scarf", condition="new", category=coat.category)
    assert scarf.pk and scarf.quantity == 0


@pytest.mark.django_db(transaction=True)
def test_fifty_volunteers_racing_for_the_last_ten_units_give_away_exactly_ten():
    item = ItemFactory(stock=10)
    people = [volunteer() for _ in range(5)]
    results = []
    lock = threading.Lock()
    start = threading.Barrier(50)

    def give(index):
        try:
            start.wait()
            stock_give_away(item=Item(pk=item.pk), quantity=1, by=people[index % 5])
            outcome = "given"
        except StoreError as error:
            outcome = str(error)
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=give, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results.count("given") == 10
    refusals = [r for r in results if r != "given"]
    assert len(refusals) == 40
    assert all("Only 0" in r and "left" in r for r in refusals)
    item.refresh_from_db()
    assert item.quantity == 0
    assert ledger_total(item) == 0
    assert StockMovement.objects.filter(item=item, kind=MovementKind.GIVE_AWAY).count() == 10
