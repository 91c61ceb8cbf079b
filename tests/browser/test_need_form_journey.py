"""Posting a need, as a neighbor sees it with JavaScript on and off: the hints are true, the
live suggestions keep the CSRF token out of addresses, and no page asks for a missing icon."""

from mutualaid.tests.factories import PASSWORD, UserFactory
from offers.tests.factories import OfferFactory

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def test_live_suggestions_carry_no_token_in_the_address(page, axe):
    OfferFactory(title="Winter coats for kids")
    neighbor = UserFactory()
    log_in(page, neighbor.email, PASSWORD)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    missing = []
    page.on("response", lambda response: response.status == 404 and missing.append(response.url))
    page.goto("/needs/new/")
    assert page.get_by_text("Start typing and offers that fit will show here.").is_visible()
    assert not page.get_by_text("When you post it, offers that fit show").is_visible()
    page.get_by_label("In a few words").fill("winter coat")
    page.locator(".suggestion", has_text="Winter coats for kids").wait_for()
    live = [url for url in asked if "/needs/new/?" in url]
    assert live and not any("csrfmiddlewaretoken" in url for url in live)
    assert missing == []
    axe(page)


def test_without_javascript_the_need_form_says_where_offers_will_show(new_page):
    neighbor = UserFactory()
    plain = new_page(javascript=False)
    log_in(plain, neighbor.email, PASSWORD)
    plain.goto("/needs/new/")
    assert plain.get_by_text("When you post it, offers that fit show on its page.").is_visible()
    assert not plain.get_by_text("Start typing and offers that fit will show here.").is_visible()
