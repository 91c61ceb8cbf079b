"""Authorization rules for meetings: everything published is public; organizers run the
agenda, minutes and decisions; anyone signed in proposes, RSVPs and answers polls."""

from meetings.models import AgendaItem, Meeting
from meetings.tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    ProposalFactory,
)

from .rules import ANONYMOUS, DENIED, LOGIN, OK, ORGANIZER, Rule, everyone, members, public


def organizers():
    return {**everyone(DENIED), ANONYMOUS: LOGIN, ORGANIZER: OK}


def organizer_only(*methods, setup=None):
    rule = Rule(methods={method: organizers() for method in methods or ("GET",)})
    if setup:
        rule.setup = setup
    return rule


def a_meeting(people):
    return {"pk": MeetingFactory().pk}, None


def a_meeting_to_answer(people):
    return {"pk": MeetingFactory().pk, "__post__": {"answer": "going"}}, None


def a_held_meeting(people):
    return {"pk": MeetingFactory(status=Meeting.Status.HELD).pk}, None


def an_item(people):
    return {"item_pk": AgendaItemFactory().pk}, None


def an_item_to_move(people):
    item = AgendaItemFactory(position=2)
    AgendaItemFactory(meeting=item.meeting, position=1)
    return {"item_pk": item.pk, "__post__": {"direction": "up"}}, None


def a_draft_to_publish(people):
    meeting = MeetingFactory(status=Meeting.Status.DRAFT)
    return {"pk": meeting.pk, "__post__": {"status": Meeting.Status.PUBLISHED}}, None


def a_proposed_item(people):
    item = AgendaItemFactory(status=AgendaItem.Status.PROPOSED, proposed_by=people["owner"])
    return {"item_pk": item.pk}, None


def a_proposal_to_answer(people):
    return {"item_pk": ProposalFactory().pk, "__post__": {"answer": "agree"}}, None


def a_proposal(people):
    return {"item_pk": ProposalFactory().pk}, None


def an_action(people):
    return {"action_pk": ActionItemFactory().pk}, None


RULES = {
    "meetings:list": public(),
    "meetings:decisions": public(),
    "meetings:calendar_feed": public(),
    "meetings:detail": Rule(setup=a_meeting, methods={"GET": everyone()}),
    "meetings:ics": Rule(setup=a_meeting, methods={"GET": everyone()}),
    "meetings:poll": Rule(
        setup=a_proposal_to_answer,
        methods={"GET": everyone(), "POST": {**everyone(), ANONYMOUS: LOGIN}},
    ),
    "meetings:rsvp": Rule(
        setup=a_meeting_to_answer, methods={"POST": {**everyone(), ANONYMOUS: LOGIN}}
    ),
    "meetings:propose": members("GET", "POST", setup=a_meeting),
    "meetings:create": organizer_only("GET", "POST"),
    "meetings:edit": organizer_only("GET", "POST", setup=a_meeting),
    "meetings:status": organizer_only("POST", setup=a_draft_to_publish),
    "meetings:item_add": organizer_only("GET", "POST", setup=a_meeting),
    "meetings:item_unmet_needs": organizer_only("POST", setup=a_meeting),
    "meetings:minutes": organizer_only("GET", "POST", setup=a_held_meeting),
    "meetings:action_add": organizer_only("POST", setup=a_held_meeting),
    "meetings:item_edit": organizer_only("GET", "POST", setup=an_item),
    "meetings:item_move": organizer_only("POST", setup=an_item_to_move),
    "meetings:item_accept": organizer_only("POST", setup=a_proposed_item),
    "meetings:item_decline": organizer_only("GET", "POST", setup=a_proposed_item),
    "meetings:decision_record": organizer_only("GET", "POST", setup=a_proposal),
    "meetings:action_done": organizer_only("POST", setup=an_action),
}
