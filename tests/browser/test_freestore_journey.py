"""Free store journeys: a volunteer logs a donation and a give-away, and the public page follows;
a neighbor borrows the ladder and brings it back while another waits in the queue."""

import re

from django.core import mail

from freestore.models import Item, Loan
from freestore.services import stock_give_away
from freestore.tests.factories import ItemFactory, ShiftFactory, StoreFactory, ThingFactory
from mutualaid import roles
from mutualaid.tests.factories import PASSWORD, UserFactory

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def test_volunteer_logs_three_coats_gives_one_away_and_the_public_page_shows_two(
    page, new_page, axe
):
    StoreFactory(name="Riverside Free Store")
    sam = UserFactory(display_name="Sam", roles=[roles.STORE_VOLUNTEER])
    log_in(page, sam.email, PASSWORD)

    page.goto("/store/")
    axe(page)
    page.get_by_role("navigation", name="Your duties").get_by_role(
        "link", name="Store volunteer screens"
    ).click()
    axe(page)
    page.get_by_role("link", name="Donation in").click()
    axe(page)
    page.locator("#id_form-0-name").fill("Winter coat")
    page.locator("#id_form-0-quantity").fill("3")
    page.locator("#id_form-0-size").fill("L")
    page.locator("#id_form-0-category").select_option(label="Clothing & household")
    page.get_by_role("button", name="Record donation").click()
    page.get_by_text("Recorded: 3 × Winter coat (L)").wait_for()
    axe(page)

    page.get_by_role("link", name="Give away").click()
    page.get_by_label("Search").fill("coat")
    page.get_by_role("button", name="Find").click()
    page.locator(".stock-row", has_text="Winter coat").get_by_role("button", name="Add").click()
    page.get_by_text("Added Winter coat (L) to the basket.").wait_for()
    axe(page)
    page.get_by_role("button", name="Give it all away").click()
    page.get_by_text("Given away: 1 thing.").wait_for()
    axe(page)
    assert Item.objects.get(name="Winter coat").quantity == 2

    coat = Item.objects.get(name="Winter coat")
    page.goto(coat.get_absolute_url())
    axe(page)
    assert page.get_by_text("Given away").count() >= 1
    page.goto("/store/")
    axe(page)

    # A visitor without an account, and without JavaScript, searches the public page.
    visitor = new_page(javascript=False)
    visitor.goto("/store/")
    visitor.get_by_label("Search").fill("coat")
    visitor.get_by_role("button", name="Show").click()
    visitor.wait_for_url(re.compile(r"/store/\?q=coat"))
    row = visitor.locator(".stock-row", has_text="Winter coat")
    assert row.locator(".stock-count").inner_text().strip().endswith("2")
    # axe needs JavaScript; the same page was checked with it on above.


def test_neighbor_borrows_the_ladder_and_returns_it_while_another_waits(
    page, new_page, axe, live_server
):
    ladder = ThingFactory(name="Ladder, 3 m", store=StoreFactory())
    amina = UserFactory(display_name="Amina")
    jun = UserFactory(display_name="Jun")

    log_in(page, amina.email, PASSWORD)
    page.goto("/store/shelf/")
    axe(page)
    page.get_by_role("link", name="Ladder, 3 m").click()
    axe(page)
    page.get_by_role("button", name="Borrow it").click()
    page.get_by_text("It's yours until").wait_for()
    axe(page)

    other = new_page()
    log_in(other, jun.email, PASSWORD)
    other.goto(ladder.get_absolute_url())
    axe(other)
    other.get_by_role("button", name="Join the queue").click()
    other.get_by_text("You are number 1 in the queue").wait_for()
    axe(other)

    page.goto("/store/loans/")
    axe(page)
    page.get_by_role("button", name="I brought it back").click()
    page.get_by_text("Thanks for bringing it back!").wait_for()
    axe(page)
    assert Loan.objects.get(borrower=amina).returned_at is not None

    assert [m.to for m in mail.outbox] == [[jun.email]]
    link = re.search(r"https?://\S+(/store/shelf/\d+/)", mail.outbox[0].body).group(1)
    other.goto(link)
    axe(other)
    other.get_by_role("button", name="Borrow it").click()
    other.get_by_text("It's yours until").wait_for()
    axe(other)
    assert Loan.objects.open().get().borrower == jun


def test_every_other_store_page_reads_well_for_a_volunteer(page, axe, live_server):
    """The remaining pages, each checked with axe: stocktake, catalog, reports, shifts, forms."""
    store = StoreFactory(name="Riverside Free Store")
    sam = UserFactory(display_name="Sam", roles=[roles.STORE_VOLUNTEER])
    coat = ItemFactory(store=store, name="Winter coat", size="M", target=5, stock=2)
    ItemFactory(store=store, name="Rice", stock=4)
    shift = ShiftFactory(store=store)
    stock_give_away(item=coat, quantity=1, by=sam)

    page.goto("/store/needed/")
    axe(page)
    assert page.get_by_role("link", name="I can donate this").count() == 1
    page.goto(shift.get_absolute_url())
    axe(page)

    log_in(page, sam.email, PASSWORD)
    page.goto("/store/shifts/")
    axe(page)
    page.get_by_role("link", name=re.compile(r"\d{1,2}:\d{2}")).first.click()
    page.get_by_role("button", name="I'll be there").click()
    page.get_by_text("Sam", exact=True).wait_for()
    axe(page)
    for path in [
        "/store/items/",
        "/store/items/new/",
        f"/store/items/{coat.pk}/edit/",
        "/store/stocktake/",
        "/store/reports/",
        "/store/shifts/new/",
        "/store/shelf/new/",
    ]:
        page.goto(path)
        axe(page)
    page.goto("/store/stocktake/")
    page.get_by_label("Winter coat (M)").fill("0")
    page.get_by_role("button", name="Save the count").click()
    page.get_by_text("Shelf count saved: 1 item corrected").wait_for()
    axe(page)
    assert Item.objects.get(pk=coat.pk).quantity == 0
