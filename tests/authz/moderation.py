"""Authorization rules for the core's reporting, moderation and My data pages."""

from mutualaid.moderation.models import Report
from mutualaid.tests.factories import UserFactory
from tests.moderation_fixture.models import Post

from .rules import MODERATOR, ORGANIZER, OWNER, Rule, members, only


def reported_post(people):
    post = Post.objects.create(author=people[OWNER], text="reported")
    report = Report.objects.create(
        reporter=UserFactory(), content_type_id=_ct(post), object_id=post.pk, reason="spam"
    )
    return post, report


def _ct(item):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(item).pk


def report_setup(people):
    post = Post.objects.create(author=people[OWNER], text="something to report")
    return {"model_label": "moderation_fixture.post", "pk": post.pk}, people[OWNER]


def moderation_report_setup(people):
    post, report = reported_post(people)
    return {"pk": report.pk}, post.author


def hidden_report_setup(people):
    post, report = reported_post(people)
    Post.objects.filter(pk=post.pk).update(hidden=True)
    return {"pk": report.pk}, post.author


def unsuspend_setup(people):
    return {"pk": UserFactory(suspended=True, is_active=False).pk}, None


RULES = {
    "my_data": members("GET"),
    "my_data_download": members("GET"),
    # An empty POST is the form again with its errors; a wrong password deletes nothing.
    "account_delete": members("GET", "POST"),
    "report_create": Rule(setup=report_setup, methods=members("GET", "POST").methods),
    "moderation_queue": Rule(methods={"GET": only(MODERATOR)}),
    "moderation_report": Rule(
        setup=moderation_report_setup,
        methods={"GET": only(MODERATOR), "POST": only(MODERATOR)},
    ),
    "moderation_restore": Rule(setup=hidden_report_setup, methods={"POST": only(MODERATOR)}),
    "moderation_unsuspend": Rule(setup=unsuspend_setup, methods={"POST": only(MODERATOR)}),
    "moderation_log": Rule(methods={"GET": only(MODERATOR, ORGANIZER)}),
}
