"""Jun types an offer of kids' winter jackets, sees Lucía's need for a coat appear live, and
asks about it from the form: the offer is posted, Lucía is asked and told by email. The same
works with JavaScript off."""

import re

from django.core import mail

from mutualaid.models import Area, Category
from mutualaid.tests.factories import PASSWORD, UserFactory
from needs.models import Match, Need
from offers.models import Offer

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def test_an_offer_asks_about_a_need_straight_from_the_form(page, axe):
    riverside = Area.objects.create(name="Riverside", slug="riverside")
    UserFactory(email="jun@example.org", display_name="Jun", area=riverside)
    lucia = UserFactory(email="lucia@example.org", display_name="Lucía", area=riverside)
    need = Need.objects.create(
        owner=lucia,
        title="Winter coat for my son",
        category=Category.objects.get(slug="clothing-household"),
        area=riverside,
    )

    log_in(page, "jun@example.org", PASSWORD)
    page.goto("/offers/new/")
    axe(page)
    page.get_by_label("Category").select_option(label="Clothing & household")
    page.get_by_label("What you can share, in a few words").press_sequentially(
        "Kids winter jackets", delay=30
    )
    panel = page.locator("#suggestions")
    panel.get_by_role("link", name="Winter coat for my son").wait_for()
    axe(page)
    panel.get_by_role("button", name=re.compile("Ask about this")).click()
    page.wait_for_url(re.compile(r"/needs/matches/\d+/$"))
    assert page.get_by_text("Your offer is up and Lucía has been asked").is_visible()
    axe(page)
    match = Match.objects.get()
    assert match.need == need and match.offer == Offer.objects.get(title="Kids winter jackets")
    assert mail.outbox[-1].to == ["lucia@example.org"]


def test_asking_from_the_offer_form_works_without_javascript(new_page):
    # axe-core needs JavaScript to run; the same pages are checked in the journey above.
    hillcrest = Area.objects.create(name="Hillcrest", slug="hillcrest")
    UserFactory(email="amina@example.org", area=hillcrest)
    Need.objects.create(
        owner=UserFactory(area=hillcrest),
        title="A drill for one afternoon",
        category=Category.objects.get(slug="tools-garden"),
        area=hillcrest,
    )
    page = new_page(javascript=False)
    log_in(page, "amina@example.org", PASSWORD)
    page.goto("/offers/new/")
    # Sent without a category: the form comes back, now with the needs that fit.
    page.get_by_label("What you can share, in a few words").fill("Cordless drill to lend")
    page.get_by_role("button", name="Post my offer").click()
    assert page.get_by_label("What you can share, in a few words").input_value() == (
        "Cordless drill to lend"
    )
    page.get_by_label("Category").select_option(label="Tools & garden shed")
    page.get_by_role("button", name=re.compile("Ask about this")).click()
    page.wait_for_url(re.compile(r"/needs/matches/\d+/$"))
    assert page.get_by_text("has been asked").is_visible()
    assert Offer.objects.get().title == "Cordless drill to lend" and Match.objects.count() == 1


def test_a_phone_number_typed_into_an_offer_is_pointed_out_and_kept(page, axe):
    riverside = Area.objects.create(name="Riverside", slug="riverside")
    UserFactory(email="jun@example.org", display_name="Jun", area=riverside)
    log_in(page, "jun@example.org", PASSWORD)
    page.goto("/offers/new/")
    page.get_by_label("What you can share, in a few words").fill("Kids winter jackets")
    details = page.get_by_label("Details")
    details.press_sequentially("Sizes 6 to 10, text me on 555 123 4567", delay=20)
    # Pointed out beside the field it is in, not in the panel further down.
    page.locator("#warning-details").get_by_text("This looks like a phone number").wait_for()
    assert page.locator("#warning-title").inner_text() == ""
    axe(page)
    page.get_by_label("Category").select_option(label="Clothing & household")
    page.get_by_role("button", name="Post my offer").click()
    assert page.get_by_text("This looks like a phone number").first.is_visible()
    assert details.input_value() == "Sizes 6 to 10, text me on 555 123 4567"
    assert not Offer.objects.exists()
    axe(page)
