"""A offers kids' winter jackets; B types a need and sees the offer appear live, asks; A
accepts; they exchange messages; B marks the need met with a thank-you; both see it in Mine."""

import re

from django.core import mail

from mutualaid.models import Area, Category
from mutualaid.tests.factories import PASSWORD, UserFactory
from needs.models import Match, Need
from offers.models import Offer

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def test_a_need_meets_an_offer_live_and_is_met_with_thanks(page, new_page, axe):
    riverside = Area.objects.create(name="Riverside", slug="riverside")
    UserFactory(email="jun@example.org", display_name="Jun", area=riverside)
    UserFactory(email="lucia@example.org", display_name="Lucía", area=riverside)

    # A shares kids' winter jackets.
    log_in(page, "jun@example.org", PASSWORD)
    page.goto("/offers/new/")
    axe(page)
    page.get_by_label("What you can share, in a few words").fill("Kids winter jackets, sizes 6-10")
    page.get_by_label("Details").fill("Three warm jackets my kids outgrew.")
    page.get_by_label("Category").select_option(label="Clothing & household")
    page.get_by_role("button", name="Post my offer").click()
    page.wait_for_url(re.compile(r"/offers/\d+/$"))
    assert page.get_by_text("Your offer is up").is_visible()
    axe(page)

    # B starts typing a need; the offer appears without pressing anything.
    b = new_page()
    log_in(b, "lucia@example.org", PASSWORD)
    b.goto("/needs/new/")
    axe(b)
    b.get_by_label("Category").select_option(label="Clothing & household")
    b.get_by_label("What you need, in a few words").press_sequentially(
        "Winter coat for my son", delay=30
    )
    panel = b.locator("#suggestions")
    panel.get_by_role("link", name="Kids winter jackets, sizes 6-10").wait_for()
    assert "Same area: Riverside" in panel.inner_text()
    axe(b)
    b.get_by_role("button", name=re.compile("Ask about this")).click()
    b.wait_for_url(re.compile(r"/needs/matches/\d+/$"))
    assert b.get_by_text("Jun has been asked").is_visible()
    axe(b)
    assert mail.outbox[-1].to == ["jun@example.org"]
    assert "lucia@example.org" not in mail.outbox[-1].body

    # A accepts and writes.
    page.goto("/needs/mine/")
    axe(page)
    page.get_by_role("link", name="Winter coat for my son").first.click()
    page.get_by_role("button", name="Accept").click()
    assert page.get_by_text("Accepted. Now agree a time").is_visible()
    page.get_by_label("Your message").fill("Saturday at 10 by the library?")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Saturday at 10 by the library?").wait_for()
    axe(page)
    assert Offer.objects.get().status == Offer.Status.TAKEN

    # B answers, then marks the need met with a thank-you.
    b.reload()
    assert b.get_by_text("Saturday at 10 by the library?").is_visible()
    b.get_by_label("Your message").fill("Perfect, see you then!")
    b.get_by_role("button", name="Send").click()
    b.get_by_text("Perfect, see you then!").wait_for()
    b.get_by_label("A thank-you note (optional)").fill("Thank you, he loves it!")
    b.get_by_role("button", name="Mark the need met").click()
    assert b.get_by_text("Marked as done").is_visible()
    axe(b)
    assert Need.objects.get().status == Need.Status.MET
    assert Match.objects.get().status == Match.Status.COMPLETED

    # Both Mine pages show it.
    for person in (page, b):
        person.goto("/needs/mine/")
        matches = person.locator("#mine-matches").locator("xpath=..")
        assert "Done" in matches.inner_text()
        assert "Thank you, he loves it!" in matches.inner_text()
        axe(person)


def test_posting_a_need_works_without_javascript(new_page):
    # axe-core needs JavaScript to run; the same pages are checked in the journey above.
    area = Area.objects.create(name="Hillcrest", slug="hillcrest")
    UserFactory(email="amina@example.org", area=area)
    offer_owner = UserFactory(area=area)
    Offer.objects.create(
        owner=offer_owner,
        title="Cordless drill to lend",
        category=Category.objects.get(slug="tools-garden"),
        area=area,
    )
    page = new_page(javascript=False)
    log_in(page, "amina@example.org", PASSWORD)
    page.goto("/needs/new/")
    page.get_by_label("What you need, in a few words").fill("A drill for one afternoon")
    page.get_by_label("Category").select_option(label="Tools & garden shed")
    page.get_by_role("button", name="Post my need").click()
    page.wait_for_url(re.compile(r"/needs/\d+/$"))
    assert page.get_by_role("link", name="Cordless drill to lend").is_visible()
    page.get_by_role("button", name=re.compile("Ask about this")).click()
    page.wait_for_url(re.compile(r"/needs/matches/\d+/$"))
    assert page.get_by_text("has been asked").is_visible()
