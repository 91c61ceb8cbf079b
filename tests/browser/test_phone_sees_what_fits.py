"""On a 320 × 640 phone, what fits a draft shows in the viewport while typing, without
scrolling: a line right under the title, in the writer's language, linking to the list."""

from mutualaid.models import Area, Category
from mutualaid.tests.factories import PASSWORD, UserFactory
from offers.models import Offer

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def test_a_phone_shows_what_fits_under_the_title_while_typing(new_page, axe):
    riverside = Area.objects.create(name="Riverside", slug="riverside")
    clothing = Category.objects.get(slug="clothing-household")
    jun = UserFactory(email="jun@example.org", display_name="Jun", area=riverside)
    UserFactory(email="lucia@example.org", display_name="Lucía", area=riverside)
    Offer.objects.create(
        owner=jun,
        title="Kids winter jackets, sizes 6-10",
        details="Three warm jackets.",
        category=clothing,
        area=riverside,
    )
    page = new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, "lucia@example.org", PASSWORD)
    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    page.goto("/needs/new/")
    title = page.get_by_label("Lo que necesitas, en pocas palabras")
    title.scroll_into_view_if_needed()
    title.press_sequentially("Abrigo de invierno para mi hijo", delay=20)
    summary = page.locator("#suggestions-summary")
    summary.get_by_text("Kids winter jackets, sizes 6-10").wait_for()
    assert "1 oferta podría servir" in summary.inner_text()
    box = summary.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 640, box
    # It leads to the full list, with the reasons.
    summary.get_by_role("link").click()
    panel = page.locator("#suggestions")
    panel.get_by_role("link", name="Kids winter jackets, sizes 6-10").wait_for()
    assert "abrigo → jacket" in panel.inner_text()
    axe(page)
