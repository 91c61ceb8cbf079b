"""Printing: a visitor without an account prints the Riverside needs poster and a phone reads
its QR code back to the list; a meeting, the decision log and a day sheet print without the
menu and footer."""

import re

from freestore.tests.factories import ItemFactory, ShiftFactory, StoreFactory
from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from mutualaid.tests.factories import AreaFactory
from needs.tests.factories import NeedFactory
from tests.qr import decode_png

from .conftest import JOURNEY, RESULTS

pytestmark = JOURNEY


def one_page(pdf: bytes) -> bool:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_print_the_riverside_poster_and_its_code_opens_the_list(new_page, axe, live_server):
    riverside = AreaFactory(name="Riverside", slug="riverside")
    NeedFactory(title="Winter coat, size 8", area=riverside)
    NeedFactory(title="Rides to the clinic", area=riverside)
    NeedFactory(title="Hilltop lawnmower", area=AreaFactory(name="Hilltop"))

    page = new_page(mobile=False)
    page.goto("/needs/?area=riverside")
    page.get_by_role("link", name="Print a poster").click()
    page.get_by_role("heading", name="Open needs in Riverside").wait_for()
    axe(page)
    assert page.get_by_role("button", name="Print this poster").is_visible()
    assert page.get_by_text("Hilltop lawnmower").count() == 0

    page.emulate_media(media="print")
    assert not page.locator(".poster-tools").is_visible()
    RESULTS.mkdir(exist_ok=True)
    shot = page.screenshot(path=RESULTS / "riverside-poster.png", full_page=True)
    [url] = decode_png(shot)
    assert url == f"{live_server.url}/needs/?area=riverside"

    phone = new_page()
    phone.goto(url)
    phone.get_by_role("link", name="Winter coat, size 8").wait_for()
    assert phone.get_by_text("Hilltop lawnmower").count() == 0

    # A full poster (12 needs and "and N more") still fits one A4 and one Letter page.
    for index in range(14):
        NeedFactory(title=f"Help carrying groceries upstairs, week {index}", area=riverside)
    page.reload()
    for paper in ("A4", "Letter"):
        assert one_page(page.pdf(format=paper)), paper

    # The Spanish poster, chosen on the poster itself.
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Español").click()
    page.get_by_role("heading", name="Necesidades abiertas en Riverside").wait_for()
    axe(page)


def test_a_meeting_page_prints_without_the_menu_and_footer(new_page):
    meeting = MeetingFactory(title="Thursday general meeting")
    AgendaItemFactory(meeting=meeting, title="Winter coat drive")
    shift = ShiftFactory(store=StoreFactory(name="Riverside Free Store"))
    ItemFactory(store=shift.store, name="Rice bags", stock=4)

    page = new_page(mobile=False)
    page.goto(meeting.get_absolute_url())
    assert page.locator(".site-header").is_visible()
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer", "nav[aria-label='Main']"):
        assert not page.locator(chrome).is_visible(), chrome
    assert page.get_by_role("heading", name="Thursday general meeting").is_visible()
    assert page.get_by_text("Winter coat drive").is_visible()

    # The decision log and a shift's day sheet print the same way.
    page.goto("/meetings/decisions/")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("search").is_visible()
    assert page.get_by_role("heading", name="Decisions of the hub").is_visible()
    page.goto(f"/store/shifts/{shift.pk}/day-sheet/")
    assert not page.locator(".site-footer").is_visible()
    assert page.get_by_role("cell", name="Rice bags").is_visible()

    # The meeting notice and the store's poster, full, fit one page on either paper.
    for index in range(8):
        AgendaItemFactory(meeting=meeting, title=f"Plan the spring clothing swap, part {index}")
        ItemFactory(store=shift.store, name=f"Children's winter boots, kind {index}", target=9)
        ItemFactory(store=shift.store, name=f"Canned beans and lentils, kind {index}", target=9)
    for poster in (f"/meetings/{meeting.pk}/poster/", "/store/needed/poster/"):
        page.goto(poster)
        for paper in ("A4", "Letter"):
            assert one_page(page.pdf(format=paper)), (poster, paper)
