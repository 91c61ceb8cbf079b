"""Lucía's need waits; Jun posts an offer that fits it and her header's count goes up without
a reload; her inbox says which offer may meet which need; she asks, Jun's count goes up; he
writes, and the message appears in her open thread while what she is typing stays."""

import re

import pytest
from django.core import mail

from mutualaid.models import Area, Category
from mutualaid.tests.factories import PASSWORD, UserFactory
from needs.tests.factories import NeedFactory

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY

SLOW = 15_000  # a poll comes every second here; the live server also runs the background task


@pytest.fixture(autouse=True)
def _poll_quickly(settings):
    settings.INBOX_POLL_SECONDS = 1
    settings.THREAD_POLL_SECONDS = 1


def badge(page):
    return page.locator("#inbox-link .count-badge")


def test_a_new_fit_a_question_and_a_reply_reach_neighbors_while_their_pages_are_open(new_page, axe):
    riverside = Area.objects.create(name="Riverside", slug="riverside")
    lucia = UserFactory(email="lucia@example.org", display_name="Lucía", area=riverside)
    # Jun reads the hub in Spanish: the hub's emails to him are in Spanish.
    UserFactory(email="jun@example.org", display_name="Jun", area=riverside, language="es")
    clothing = Category.objects.get(slug="clothing-household")
    NeedFactory(
        owner=lucia,
        title="Winter coat for my son, size 8",
        details="He is growing fast.",
        category=clothing,
        area=riverside,
    )

    a = new_page()
    log_in(a, "lucia@example.org", PASSWORD)
    a.goto("/needs/mine/")
    assert badge(a).count() == 0

    # Jun shares kids' jackets; Lucía's open page counts it by itself.
    b = new_page(mobile=False)
    log_in(b, "jun@example.org", PASSWORD)
    b.goto("/offers/new/")
    b.get_by_label("What you can share, in a few words").fill("Kids winter jackets, sizes 6-10")
    b.get_by_label("Category").select_option(label="Clothing & household")
    b.get_by_role("button", name="Post my offer").click()
    b.wait_for_url(re.compile(r"/offers/\d+/$"))
    badge(a).get_by_text("1").wait_for(timeout=SLOW)
    assert a.url.endswith("/needs/mine/")
    axe(a)

    # Her inbox says which offer may meet which need, and why.
    a.get_by_role("link", name=re.compile("Inbox")).click()
    notice = a.get_by_role("link", name=re.compile("Kids winter jackets, sizes 6-10"))
    assert "may meet your post “Winter coat for my son, size 8”" in notice.inner_text()
    assert a.locator(".notice .reasons").count() == 1
    axe(a)
    notice.click()
    a.wait_for_url(re.compile(r"/offers/\d+/$"))
    assert badge(a).count() == 0
    a.get_by_role("button", name="I'd like this").click()
    a.wait_for_url(re.compile(r"/needs/matches/\d+/$"))

    # Jun's page counts the question, and his email about it is in Spanish.
    badge(b).get_by_text("1").wait_for(timeout=SLOW)
    to_jun = [m for m in mail.outbox if m.to == ["jun@example.org"]]
    assert to_jun and "preguntó" in f"{to_jun[-1].subject} {to_jun[-1].body}"
    assert "lucia@example.org" not in to_jun[-1].body
    b.goto("/inbox/")
    b.get_by_role("link", name=re.compile("Lucía asked about")).click()
    b.wait_for_url(re.compile(r"/needs/matches/\d+/$"))
    axe(b)

    a.get_by_label("Your message").fill("Would Saturday work")
    b.get_by_label("Your message").fill("They are yours, Saturday at 10?")
    b.get_by_role("button", name="Send").click()
    a.get_by_text("They are yours, Saturday at 10?").wait_for(timeout=SLOW)
    assert a.get_by_label("Your message").input_value() == "Would Saturday work"
    axe(a)
