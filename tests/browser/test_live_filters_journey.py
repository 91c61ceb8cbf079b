"""Every filter on the needs and offers lists answers live, not only the first: picking an
area shows the list for it, and the next page keeps it. On the need form, the area counts
for what fits as soon as it is chosen."""

from mutualaid.models import Area
from mutualaid.tests.factories import PASSWORD, UserFactory
from needs.tests.factories import NeedFactory
from offers.tests.factories import OfferFactory

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def test_choosing_an_area_narrows_the_needs_list_without_pressing_show(page, axe):
    riverside = Area.objects.create(name="Riverside", slug="riverside")
    hillcrest = Area.objects.create(name="Hillcrest", slug="hillcrest")
    neighbor = UserFactory()
    for number in range(22):
        NeedFactory(owner=neighbor, area=riverside, title=f"Riverside need {number}")
    NeedFactory(owner=neighbor, area=hillcrest, title="Boxes for moving in Hillcrest")

    console_errors = []
    page.on("console", lambda msg: msg.type == "error" and console_errors.append(msg.text))
    page.goto("/needs/")
    page.get_by_label("Area").select_option(label="Riverside")
    page.locator("#results").get_by_text("22 open needs").wait_for()
    assert "Boxes for moving in Hillcrest" not in page.locator("#results").inner_text()
    axe(page)

    page.get_by_role("link", name="Next").click()
    page.wait_for_load_state()
    assert page.get_by_label("Area").input_value() == "riverside"
    results = page.locator("#results").inner_text()
    assert "Riverside need 0" in results
    assert "Boxes for moving in Hillcrest" not in results
    # A trigger htmx can't read is only said in the console.
    assert not console_errors


def test_choosing_an_area_on_the_need_form_says_which_offers_are_near(page, axe):
    riverside = Area.objects.create(name="Riverside", slug="riverside")
    OfferFactory(owner=UserFactory(), area=riverside, title="Kids winter jackets, sizes 6-10")
    UserFactory(email="lucia@example.org")

    log_in(page, "lucia@example.org", PASSWORD)
    console_errors = []
    page.on("console", lambda msg: msg.type == "error" and console_errors.append(msg.text))
    page.goto("/needs/new/")
    page.get_by_label("What you need, in a few words").press_sequentially(
        "Winter jacket for my son", delay=20
    )
    panel = page.locator("#suggestions")
    panel.get_by_role("link", name="Kids winter jackets, sizes 6-10").wait_for()
    assert "Same area" not in panel.inner_text()
    page.get_by_label("Area").select_option(label="Riverside")
    panel.get_by_text("Same area: Riverside").wait_for()
    axe(page)
    assert not console_errors
