"""Moderation: neighbors report, moderators hide, restore, warn and suspend, everything is
logged for organizers, and reporters hear what happened.

The reportable item is tests.moderation_fixture's Post (installed only in the test
settings), which follows the protocol apps follow: a `hidden` field and an `author`.
"""

import pytest
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from mutualaid import roles
from mutualaid.moderation import services
from mutualaid.moderation.models import ModerationAction, Report
from mutualaid.tests.factories import PASSWORD, UserFactory
from tests.moderation_fixture.models import Note, Post

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return UserFactory(display_name="Pat")


@pytest.fixture
def post(author):
    return Post.objects.create(author=author, text="Selling cheap phones, DM me")


@pytest.fixture
def reporter():
    return UserFactory(display_name="Jun")


@pytest.fixture
def moderator():
    return UserFactory(display_name="Dev", roles=[roles.MODERATOR])


def report_url(item, next_url="/privacy/"):
    return reverse("report_create", args=[item._meta.label_lower, item.pk]) + f"?next={next_url}"


def file_report(client, user, item, reason="spam", details=""):
    client.force_login(user)
    return client.post(report_url(item), {"reason": reason, "details": details, "next": "/"})


@pytest.fixture
def decide(django_capture_on_commit_callbacks):
    """A moderator's decision through the page; emails go out when the transaction commits."""

    def post_decision(client, moderator, report, decision, note=""):
        client.force_login(moderator)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("moderation_report", args=[report.pk]),
                {"decision": decision, "note": note},
            )

    return post_decision


# --- Reporting -------------------------------------------------------------------------------


def test_neighbor_reports_a_post_with_a_reason(client, reporter, post):
    client.force_login(reporter)
    form = client.get(report_url(post))
    assert form.status_code == 200
    assert "Report this to the moderators" in form.content.decode()

    response = file_report(client, reporter, post, reason="spam", details="Scam link")
    assert response.status_code == 302 and response["Location"] == "/"
    report = Report.objects.get()
    assert (report.reporter, report.target, report.reason) == (reporter, post, "spam")
    assert report.status == Report.Status.OPEN
    follow = client.get("/")
    assert "A moderator will look at it" in follow.content.decode()


def test_reporting_the_same_post_twice_keeps_one_report(client, reporter, post):
    file_report(client, reporter, post)
    file_report(client, reporter, post)
    assert Report.objects.count() == 1
    assert "You already reported this" in client.get("/").content.decode()


def test_report_needs_a_reason_and_keeps_what_was_typed(client, reporter, post):
    client.force_login(reporter)
    response = client.post(report_url(post), {"details": "They keep messaging me"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "They keep messaging me" in body
    assert "Please check the highlighted fields" in body
    assert not Report.objects.exists()


def test_only_reportable_items_can_be_reported(client, reporter):
    client.force_login(reporter)
    note = Note.objects.create(text="not reportable")
    assert client.get(report_url(note)).status_code == 404
    assert client.get("/report/nosuch.model/1/").status_code == 404
    assert client.get("/report/not-a-label/1/").status_code == 404
    assert client.get("/report/moderation_fixture.post/999999/").status_code == 404


def test_visitors_must_log_in_to_report(client, post):
    response = client.get(report_url(post))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_report_does_not_redirect_off_site(client, reporter, post):
    client.force_login(reporter)
    response = client.post(
        report_url(post, next_url="https://evil.example/"),
        {"reason": "spam", "next": "https://evil.example/"},
    )
    assert response["Location"] == post.get_absolute_url()


def test_reporting_is_rate_limited(client, reporter, author):
    posts = [Post.objects.create(author=author, text=f"post {n}") for n in range(11)]
    statuses = [file_report(client, reporter, p).status_code for p in posts]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    assert Report.objects.count() == 10


def test_report_link_shows_for_signed_in_neighbors_only(reporter, post):
    template = Template("{% load moderation %}{% report_link post %}")
    request = RequestFactory().get("/needs/")
    request.user = reporter
    html = template.render(Context({"request": request, "post": post}))
    assert "Report this" in html and report_url(post, "") in html

    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert "Report this" not in template.render(Context({"request": request, "post": post}))


# --- The moderators' queue -------------------------------------------------------------------


def test_moderator_sees_reported_items_in_the_queue(client, reporter, post, moderator):
    file_report(client, reporter, post)
    client.force_login(moderator)
    body = client.get(reverse("moderation_queue")).content.decode()
    assert "Selling cheap phones" in body
    assert "1 report" in body


def test_neighbors_cannot_open_the_queue(client, reporter):
    client.force_login(reporter)
    assert client.get(reverse("moderation_queue")).status_code == 403
    assert client.get(reverse("moderation_log")).status_code == 403


@pytest.mark.parametrize("rows", [3, 30])
def test_queue_asks_the_database_the_same_few_questions(
    client, moderator, author, django_assert_max_num_queries, rows
):
    for n in range(rows):
        item = Post.objects.create(author=author, text=f"post {n}")
        Report.objects.create(
            reporter=UserFactory(), content_type_id=_ct(item), object_id=item.pk, reason="spam"
        )
    client.force_login(moderator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("moderation_queue"))
    assert response.content.decode().count('class="card"') >= rows


def _ct(item):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(item).pk


def test_hiding_a_post_resolves_every_report_and_tells_each_reporter(
    client, reporter, post, moderator, decide
):
    other = UserFactory()
    file_report(client, reporter, post)
    file_report(client, other, post, reason="unsafe")
    mail.outbox.clear()
    report = Report.objects.first()

    response = decide(client, moderator, report, "hidden", note="Spam")
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.hidden
    assert set(Report.objects.values_list("status", "outcome")) == {("resolved", "hidden")}
    action = ModerationAction.objects.get()
    assert (action.action, action.moderator, action.target_user) == ("hide", moderator, post.author)
    assert action.target == post and action.note == "Spam"
    told = {message.to[0] for message in mail.outbox}
    assert told == {reporter.email, other.email}
    assert "The item was hidden" in mail.outbox[0].body
    assert post.author.email not in told


def test_warning_emails_the_author_and_leaves_the_post_up(
    client, reporter, post, moderator, decide
):
    file_report(client, reporter, post)
    mail.outbox.clear()
    decide(client, moderator, Report.objects.get(), "warned", note="Please no selling here.")
    post.refresh_from_db()
    assert not post.hidden
    warning = next(m for m in mail.outbox if m.to == [post.author.email])
    assert "Please no selling here." in warning.body
    assert ModerationAction.objects.filter(action="warn", target_user=post.author).exists()


def test_suspended_neighbor_cannot_log_in_or_keep_posting(
    client, reporter, post, moderator, decide
):
    author = post.author
    file_report(client, reporter, post)
    decide(client, moderator, Report.objects.get(), "hidden_suspended", note="Scams")
    author.refresh_from_db()
    assert author.suspended and not author.is_active
    kinds = set(ModerationAction.objects.values_list("action", flat=True))
    assert kinds == {"hide", "suspend"}

    # An open session ends: the next page treats them as a visitor.
    client.force_login(reporter)  # any other session in this client is replaced below
    client.logout()
    client.force_login(author)
    response = client.get(reverse("profile_edit"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    # And logging in again is refused.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": author.email, "password": PASSWORD}, follow=True
    )
    assert "_auth_user_id" not in client.session
    assert response.redirect_chain[-1][0] == reverse("account_inactive")
    assert "This account is paused" in response.content.decode()


def test_lifting_a_suspension_lets_them_back_in(client, reporter, post, moderator, decide):
    author = post.author
    file_report(client, reporter, post)
    decide(client, moderator, Report.objects.get(), "hidden_suspended")
    client.force_login(moderator)
    client.post(reverse("moderation_unsuspend", args=[author.pk]), {"note": "Talked it over"})
    author.refresh_from_db()
    assert not author.suspended and author.is_active
    client.logout()
    assert client.login(email=author.email, password=PASSWORD)
    assert ModerationAction.objects.filter(action="unsuspend", note="Talked it over").exists()


def test_moderator_can_restore_a_hidden_post(client, reporter, post, moderator, decide):
    file_report(client, reporter, post)
    report = Report.objects.get()
    decide(client, moderator, report, "hidden")
    client.post(reverse("moderation_restore", args=[report.pk]), {"note": "Was a mistake"})
    post.refresh_from_db()
    assert not post.hidden
    assert ModerationAction.objects.filter(action="restore", note="Was a mistake").exists()


def test_no_action_closes_the_reports_and_says_so(client, reporter, post, moderator, decide):
    file_report(client, reporter, post)
    mail.outbox.clear()
    decide(client, moderator, Report.objects.get(), "no_action")
    post.refresh_from_db()
    assert not post.hidden
    assert Report.objects.get().outcome == "no_action"
    assert "left it as it is" in mail.outbox[0].body


def test_a_report_is_decided_once(reporter, post, moderator):
    report = services.report_create(reporter=reporter, target=post, reason="spam")
    services.report_decide(report=report, by=moderator, decision="hidden")
    with pytest.raises(services.ModerationError, match="already dealt"):
        services.report_decide(report=report, by=moderator, decision="warned")


def test_a_moderator_cannot_suspend_themselves(moderator):
    own = Post.objects.create(author=moderator, text="mine")
    report = services.report_create(reporter=UserFactory(), target=own, reason="other")
    with pytest.raises(services.ModerationError, match="your own account"):
        services.report_decide(report=report, by=moderator, decision="hidden_suspended")
    own.refresh_from_db()
    assert not own.hidden  # nothing half-done


def test_the_log_is_readable_by_organizers(client, reporter, post, moderator, decide):
    file_report(client, reporter, post)
    decide(client, moderator, Report.objects.get(), "hidden", note="Spam")
    client.force_login(UserFactory(roles=[roles.ORGANIZER]))
    body = client.get(reverse("moderation_log")).content.decode()
    assert "Hid an item" in body and "Dev" in body and "Spam" in body


def test_reported_text_is_escaped_for_moderators(client, reporter, moderator, author):
    hostile = Post.objects.create(author=author, text="<script>alert(1)</script>")
    file_report(client, reporter, hostile, details="<b>look</b>")
    client.force_login(moderator)
    body = client.get(reverse("moderation_report", args=[Report.objects.get().pk])).content
    assert b"<script>alert(1)" not in body and b"&lt;script&gt;" in body
    assert b"<b>look</b>" not in body


@pytest.mark.parametrize("rows", [3, 30])
def test_log_asks_the_database_the_same_few_questions(
    client, moderator, author, django_assert_max_num_queries, rows
):
    for n in range(rows):
        item = Post.objects.create(author=author, text=f"post {n}")
        services.item_hide(target=item, by=moderator, note=f"note {n}")
    client.force_login(UserFactory(roles=[roles.ORGANIZER]))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("moderation_log"))
    assert response.content.decode().count("Hid an item") == rows
