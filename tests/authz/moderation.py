"""Authorization rules for reporting and the moderators' queue."""

from mutualaid.models import Report
from mutualaid.services import report_create
from needs.tests.factories import NeedFactory

from .rules import (
    ANONYMOUS,
    DENIED,
    LOGIN,
    MODERATOR,
    OK,
    ORGANIZER,
    Rule,
    everyone,
    members,
)


def moderators(*also):
    outcomes = {**everyone(DENIED), ANONYMOUS: LOGIN, MODERATOR: OK}
    for kind in also:
        outcomes[kind] = OK
    return outcomes


def a_post_to_report(people):
    need = NeedFactory()
    return {
        "model_label": "needs.need",
        "pk": need.pk,
        "__post__": {"reason": Report.Reason.SPAM, "details": "Selling things"},
    }, None


def a_report(people):
    report = report_create(
        reporter=people["neighbor"], target=NeedFactory(), reason=Report.Reason.SPAM, details=""
    )
    return {"pk": report.pk}, None


def a_report_of_a_hidden_post(people):
    need = NeedFactory(hidden=True)
    report = report_create(
        reporter=people["neighbor"], target=need, reason=Report.Reason.SPAM, details=""
    )
    return {"pk": report.pk}, None


def a_suspended_neighbor(people):
    neighbor = NeedFactory().owner
    neighbor.suspended = True
    neighbor.save(update_fields=["suspended"])
    return {"pk": neighbor.pk}, None


RULES = {
    "report_create": members("GET", "POST", setup=a_post_to_report),
    "moderation_queue": Rule(methods={"GET": moderators()}),
    "moderation_log": Rule(methods={"GET": moderators(ORGANIZER)}),
    "moderation_report": Rule(setup=a_report, methods={"GET": moderators(), "POST": moderators()}),
    "moderation_restore": Rule(setup=a_report_of_a_hidden_post, methods={"POST": moderators()}),
    "moderation_unsuspend": Rule(setup=a_suspended_neighbor, methods={"POST": moderators()}),
}
