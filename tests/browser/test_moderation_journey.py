"""A neighbor reports a post, a moderator hides it and suspends its author, an organizer reads
the log; a neighbor downloads their data and deletes their account."""

import json
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType

from mutualaid import roles
from mutualaid.models import User
from mutualaid.moderation.models import Report
from mutualaid.tests.factories import PASSWORD, UserFactory
from tests.moderation_fixture.models import Post

from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


@pytest.fixture(autouse=True)
def fresh_content_types():
    # Earlier transactional tests flush and restore django_content_type; the in-process cache
    # of content types may remember ids from before, which a report would then point at.
    ContentType.objects.clear_cache()


def test_report_hide_suspend_and_read_the_log(new_page, axe):
    author = UserFactory(display_name="Pat")
    post = Post.objects.create(author=author, text="Cheap phones, send your bank details")
    reporter = UserFactory(display_name="Jun")
    moderator = UserFactory(display_name="Dev", roles=[roles.MODERATOR])
    organizer = UserFactory(display_name="Rosa", roles=[roles.ORGANIZER])

    page = new_page()
    log_in(page, reporter.email, PASSWORD)
    page.goto(f"/report/moderation_fixture.post/{post.pk}/?next=/")
    axe(page)
    page.get_by_label("Spam, scam or selling").check()
    page.get_by_label("Anything else the moderators should know (optional)").fill("A scam")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_url("**/")
    assert "A moderator will look at it" in page.content()

    mod = new_page(mobile=False)
    log_in(mod, moderator.email, PASSWORD)
    mod.goto("/moderation/")
    axe(mod)
    mod.get_by_role("link", name="Cheap phones").click()
    axe(mod)
    mod.get_by_label("The item was hidden and its author's account suspended").check()
    mod.get_by_label("Note").fill("Scam offers")
    mod.get_by_role("button", name="Save the decision").click()
    mod.wait_for_url("**/moderation/")
    axe(mod)
    assert "Lift Pat" in mod.content()
    post.refresh_from_db()
    author.refresh_from_db()
    assert post.hidden and author.suspended
    assert Report.objects.get().outcome == "hidden_suspended"

    org = new_page(mobile=False)
    log_in(org, organizer.email, PASSWORD)
    org.goto("/moderation/log/")
    axe(org)
    assert "Suspended an account" in org.content() and "Scam offers" in org.content()


def test_download_my_data_then_delete_the_account(page, axe):
    amina = UserFactory(display_name="Amina", email="amina@example.org")
    log_in(page, amina.email, PASSWORD)
    page.goto("/profile/")
    page.get_by_role("link", name="Your data: download it or delete your account").click()
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "amina@example.org"

    page.get_by_role("link", name="Delete my account").click()
    axe(page)
    page.get_by_label("Your password").fill("wrong password")
    page.get_by_label("I understand my account can't be brought back.").check()
    page.get_by_role("button", name="Delete my account").click()
    axe(page)
    assert "That password doesn" in page.content()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand my account can't be brought back.").check()
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_url("**/")
    axe(page)
    assert "Your account is deleted" in page.content()
    assert str(User.objects.get(pk=amina.pk)) == "a former neighbor"
