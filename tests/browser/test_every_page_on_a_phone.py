"""Every page a neighbor can open, at 320 px, in English and in Spanish: nothing scrolls
sideways (WCAG 1.4.10) and axe finds nothing.

The pages come from the authorization rules (tests/every_page.py), so a new page is visited
without being added here: each is opened by the first kind of visitor its rule serves (a
neighbor, the owner, or the role it is for), with the objects the rule makes for it; allauth's
pages with and without an account.
"""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from ..every_page import page_for, pages
from .conftest import JOURNEY

pytestmark = JOURNEY

NARROW = {"width": 320, "height": 640}


def sign_in(page, user, language, base_url):
    """A session made on the server (logging in through the form dozens of times would meet
    the login rate limit), and the language chosen, as the language switch would."""
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url})
    page.context.clear_cookies()
    page.context.add_cookies(cookies)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_fits_a_phone_and_passes_axe(language, new_page, people, axe, live_server):
    page = new_page()
    page.set_viewport_size(NARROW)
    problems, checked, names = [], set(), set()
    signed_in_as = False
    for name, visitor in pages():
        url, user = page_for(name, visitor, people)
        if user != signed_in_as:
            sign_in(page, user, language, live_server.url)
            signed_in_as = user
        try:
            response = page.goto(url)
        except PlaywrightError:  # a download (a calendar file, an export): not a page
            continue
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        landed = page.url.removeprefix(live_server.url)
        if (landed, visitor) in checked:  # sent on to a page already looked at
            continue
        checked.add((landed, visitor))
        names.add(name)
        wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if wider > 0:
            problems.append(f"{url} as {visitor}: scrolls sideways by {wider}px")
        try:
            axe(page)
        except AssertionError as error:
            problems.append(f"{url} as {visitor}: {str(error).splitlines()[0:3]}")
    # Pages added later and allauth's are looked at too, without being named anywhere else.
    assert {"account_login", "account_email", "imports:index", "inbox:list"} <= names
    assert {"needs:poster", "freestore:shift_day_sheet", "meetings:poster"} <= names
    assert len(checked) >= 60, f"only {len(checked)} pages were looked at: {sorted(checked)}"
    assert not problems, "\n".join(problems)
