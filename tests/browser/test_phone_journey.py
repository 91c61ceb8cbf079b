"""On a 320 px phone nothing scrolls sideways (WCAG 1.4.10), focus shows on the green header
(1.4.11) and small text stays readable."""

from meetings.tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
)
from mutualaid import roles
from mutualaid.tests.factories import PASSWORD, UserFactory

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY

NARROW = {"width": 320, "height": 720}


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def contrast(page, selector, foreground_css, background_css) -> float:
    """The contrast ratio between two computed colors of the element (WCAG formula)."""
    return page.evaluate(
        """([selector, fg, bg]) => {
          const el = document.querySelector(selector);
          const style = getComputedStyle(el);
          const parse = (value) => value.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => {
            const c = [r, g, b].map((v) => {
              v /= 255;
              return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
          };
          const header = getComputedStyle(document.querySelector(bg));
          const a = lum(parse(style[fg])), b = lum(parse(header.backgroundColor));
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }""",
        [selector, foreground_css, background_css],
    )


def test_the_decision_log_and_minutes_fit_a_320px_phone(new_page, axe):
    meeting = MeetingFactory(title="December assembly")
    decision = DecisionFactory(meeting=meeting, title="Open the tool library on Sundays")
    ActionItemFactory(
        meeting=meeting,
        decision=decision,
        what="Ask the library for a Sunday key holder and a place to keep the drills",
        owner_name="Bartholomew Featherstonehaugh",
    )
    AgendaItemFactory(meeting=meeting, kind="unmet_needs", needs_snapshot={"rows": []})
    page = new_page()
    page.set_viewport_size(NARROW)
    page.goto("/meetings/decisions/")
    page.get_by_text("Ask the library for a Sunday key holder").first.wait_for()
    assert not scrolls_sideways(page)
    axe(page)

    organizer = UserFactory(roles=[roles.ORGANIZER])
    log_in(page, organizer.email, PASSWORD)
    page.goto(f"/meetings/{meeting.pk}/minutes/")
    page.get_by_text("Ask the library for a Sunday key holder").first.wait_for()
    assert not scrolls_sideways(page)
    page.goto(f"/meetings/{meeting.pk}/")
    assert not scrolls_sideways(page)


def test_focus_shows_on_the_green_header_and_small_text_is_readable(page):
    from freestore.tests.factories import ItemFactory, volunteer
    from needs.tests.factories import NeedFactory

    NeedFactory(title="Bus fare to the clinic")
    page.goto("/needs/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the hub's name, in the header
    assert page.evaluate("document.activeElement.classList.contains('brand')")
    ratio = contrast(page, ".site-header .brand", "outlineColor", ".site-header")
    assert ratio >= 3, f"focus ring contrast {ratio:.2f}:1 on the header"
    badge = page.locator(".badge").first
    size = badge.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 14, f"badge text is {size}px"

    ItemFactory(stock=3)
    sam = volunteer()
    log_in(page, sam.email, PASSWORD)
    page.goto("/store/reports/")
    label = page.locator(".bar-label").first
    size = label.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= 14, f"chart labels are {size}px"


def test_the_moderation_log_fits_a_320px_phone(new_page, axe):
    from mutualaid.moderation.models import ModerationAction

    moderator = UserFactory(roles=[roles.MODERATOR], display_name="Devendra Ramaswamy")
    ModerationAction.objects.create(
        moderator=moderator,
        action=ModerationAction.Kind.HIDE,
        target_label="Free bunk beds for two children, you collect from the corner",
        target_user=UserFactory(display_name="Bartholomew Featherstonehaugh"),
        note="Asked for money for a free item; told the poster why and what they can do.",
    )
    page = new_page()
    page.set_viewport_size(NARROW)
    log_in(page, moderator.email, PASSWORD)
    page.goto("/moderation/log/")
    page.get_by_text("Free bunk beds for two children").first.wait_for()
    assert not scrolls_sideways(page)
    axe(page)
