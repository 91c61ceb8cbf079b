"""Every page a neighbor can open, at 320 px, in English and in Spanish: nothing scrolls
sideways (WCAG 1.4.10) and axe finds nothing.

The pages come from the authorization rules (tests/authz/), so a new page is visited without
being added here: each is opened by the first kind of visitor its rule serves (a neighbor,
the owner, or the role it is for), with the objects the rule makes for it.
"""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from ..authz.rules import ANONYMOUS, NEIGHBOR, OK, OWNER, VISITORS
from ..test_authorization_matrix import CHECKED, rule_for
from .conftest import JOURNEY

pytestmark = JOURNEY

NARROW = {"width": 320, "height": 640}
# Served only as files or to other programs, not read as pages.
NOT_PAGES = ("calendar", "csv", "share", "suggest", "count", "download", "logout")


def pages():
    for name in CHECKED:
        rule = rule_for(name)
        outcomes = rule.methods.get("GET")
        if not outcomes or any(part in name for part in NOT_PAGES):
            continue
        visitor = next(
            (kind for kind in (NEIGHBOR, OWNER, *VISITORS) if outcomes.get(kind) == OK), None
        )
        if visitor is not None and visitor != ANONYMOUS:
            yield name, visitor


def sign_in(page, user, language, base_url):
    """A session made on the server (logging in through the form dozens of times would meet
    the login rate limit), and the language chosen, as the language switch would."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url},
        ]
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_fits_a_phone_and_passes_axe(language, new_page, people, axe, live_server):
    from django.urls import reverse

    page = new_page()
    page.set_viewport_size(NARROW)
    problems, checked = [], []
    signed_in_as = None
    for name, visitor in pages():
        kwargs, owner = rule_for(name).setup(people)
        kwargs.pop("__post__", None)
        user = owner if visitor == OWNER and owner is not None else people[visitor]
        if user != signed_in_as:
            sign_in(page, user, language, live_server.url)
            signed_in_as = user
        url = reverse(name, kwargs=kwargs) if kwargs else reverse(name)
        try:
            response = page.goto(url)
        except PlaywrightError:  # a download (a calendar file, an export): not a page
            continue
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        checked.append(url)
        wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if wider > 0:
            problems.append(f"{url} as {visitor}: scrolls sideways by {wider}px")
        try:
            axe(page)
        except AssertionError as error:
            problems.append(f"{url} as {visitor}: {str(error).splitlines()[0:3]}")
    assert len(checked) >= 40, f"only {len(checked)} pages were looked at: {checked}"
    assert not problems, "\n".join(problems)
