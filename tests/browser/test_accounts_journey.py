"""A newcomer joins, verifies their email, logs in, fills in their profile; a code login."""

import re

from django.core import mail

from mutualaid.models import Area, User
from mutualaid.tests.factories import UserFactory

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def link_in_last_email(pattern: str) -> str:
    return re.search(pattern, mail.outbox[-1].body).group(0)


def test_sign_up_verify_log_in_edit_profile(page, axe, live_server):
    Area.objects.create(name="Riverside", slug="riverside")
    page.goto("/")
    axe(page)
    page.get_by_role("link", name="Join your neighbors").click()
    axe(page)
    page.get_by_label("Email").fill("kai@example.org")
    page.get_by_label("Display name").fill("Kai")
    page.get_by_label("Password", exact=True).fill("plum tree by the river")
    page.get_by_label("Password (again)").fill("plum tree by the river")
    page.get_by_role("button", name="Join").click()
    page.wait_for_url("**/confirm-email/")
    axe(page)

    link = link_in_last_email(r"https?://\S+/accounts/confirm-email/\S+/")
    page.goto("/" + link.split("://", 1)[1].split("/", 1)[1])
    axe(page)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/profile/")

    # log out and back in with the password
    page.get_by_role("button", name="Log out").click()
    log_in(page, "kai@example.org", "plum tree by the river")
    page.goto("/profile/")
    axe(page)
    page.get_by_label("Neighborhood area").select_option(label="Riverside")
    page.get_by_label("Spanish").check()
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_text("Your profile is saved.").is_visible()
    axe(page)
    user = User.objects.get(email="kai@example.org")
    assert user.area.slug == "riverside"
    assert user.languages == ["es"]


def test_log_in_with_a_code_instead_of_a_password(page, axe):
    UserFactory(email="lee@example.org", display_name="Lee")
    page.goto("/accounts/login/")
    axe(page)
    page.get_by_role("link", name="Send me a code to log in").click()
    axe(page)
    page.get_by_label("Email").fill("lee@example.org")
    page.get_by_role("button", name="Send me a code").click()
    page.wait_for_url("**/login/code/confirm/")
    axe(page)
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.MULTILINE)
    page.get_by_label("Code").fill(code.group(1))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Log out").is_visible()
    axe(page)
