"""Authorization rules for meetings: everything published is public, organizers run them."""

from meetings.models import AgendaItem
from meetings.tests.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory

from .rules import ORGANIZER, Rule, everyone, members, only, public, signed_in


def a_meeting(people):
    return {"pk": MeetingFactory().pk}, None


def an_item(people):
    return {"item_pk": AgendaItemFactory().pk}, None


def a_proposal(people):
    return {"item_pk": AgendaItemFactory(kind=AgendaItem.Kind.PROPOSAL).pk}, None


def a_proposed_item(people):
    return {"item_pk": AgendaItemFactory(status=AgendaItem.Status.PROPOSED).pk}, None


def with_body(setup, body):
    def build(people):
        kwargs, owner = setup(people)
        return {**kwargs, "__post__": body}, owner

    return build


def organizers(*methods, setup=a_meeting):
    return Rule(setup=setup, methods={method: only(ORGANIZER) for method in methods})


RULES = {
    "meetings:list": public(),
    "meetings:decisions": public(),
    "meetings:calendar_feed": public(),
    "meetings:detail": Rule(setup=a_meeting, methods={"GET": everyone()}),
    "meetings:ics": Rule(setup=a_meeting, methods={"GET": everyone()}),
    "meetings:poster": Rule(setup=a_meeting, methods={"GET": everyone()}),
    "meetings:poll": Rule(
        setup=with_body(a_proposal, {"answer": "agree"}),
        methods={"GET": everyone(), "POST": signed_in()},
    ),
    "meetings:rsvp": Rule(
        setup=with_body(a_meeting, {"answer": "going"}), methods={"POST": signed_in()}
    ),
    "meetings:propose": members("GET", "POST", setup=a_meeting),
    "meetings:create": Rule(methods={"GET": only(ORGANIZER), "POST": only(ORGANIZER)}),
    "meetings:edit": organizers("GET", "POST"),
    "meetings:status": organizers("POST", setup=with_body(a_meeting, {"status": "cancelled"})),
    "meetings:item_add": organizers("GET", "POST"),
    "meetings:item_unmet_needs": organizers("POST"),
    "meetings:minutes": organizers("GET", "POST"),
    "meetings:action_add": organizers("POST"),
    "meetings:item_edit": organizers("GET", "POST", setup=an_item),
    "meetings:item_move": organizers("POST", setup=with_body(an_item, {"direction": "up"})),
    "meetings:item_accept": organizers("POST", setup=a_proposed_item),
    "meetings:item_decline": organizers("GET", "POST", setup=a_proposed_item),
    "meetings:decision_record": organizers("GET", "POST", setup=a_proposal),
    "meetings:action_done": organizers(
        "POST",
        setup=lambda people: (
            {"action_pk": ActionItemFactory().pk, "__post__": {"done": "1"}},
            None,
        ),
    ),
}
