"""Authorization rules for needs, matches and their private threads."""

from needs.tests.factories import FollowFactory, MatchFactory, NeedFactory
from offers.tests.factories import OfferFactory

from .rules import (
    ANONYMOUS,
    DENIED,
    LOGIN,
    OK,
    ORGANIZER,
    OWNER,
    Rule,
    everyone,
    members,
    only,
    public,
)


def a_need(people):
    need = NeedFactory(owner=people[OWNER])
    return {"pk": need.pk}, need.owner


def a_match(people, status="proposed"):
    """A match where the owner was asked (the recipient) by someone else."""
    match = MatchFactory(need__owner=people[OWNER], status=status)
    return {"pk": match.pk}, match.recipient


def an_offer_to_ask_about(people):
    # someone else's offer, so every signed-in visitor (not its owner) may ask about it
    offer = OfferFactory()
    return {"__post__": {"offer": offer.pk}}, None


def a_follow(people):
    follow = FollowFactory(user=people[OWNER])
    return {"pk": follow.pk}, follow.user


def owner_only():
    return {**everyone(DENIED), ANONYMOUS: LOGIN, OWNER: OK}


# The two people in a match. A moderator reads a thread only while one of its messages is
# reported (tests/test_report_only_what_you_can_see.py); this match has no report.
def participants():
    return owner_only()


RULES = {
    "needs:list": public(),
    "needs:share": public(),
    # Posters are public pages; the export is for organizers (it holds only what the public
    # list shows).
    "needs:poster": public(),
    "needs:detail_poster": Rule(setup=a_need, methods={"GET": everyone()}),
    "needs:export": Rule(methods={"GET": only(ORGANIZER)}),
    "needs:detail": Rule(setup=a_need, methods={"GET": everyone()}),
    "needs:create": members("GET", "POST"),
    "needs:mine": members(),
    "needs:ask": members("POST", setup=an_offer_to_ask_about),
    "needs:follows": members("GET", "POST"),
    "needs:follow_delete": Rule(setup=a_follow, methods={"POST": owner_only()}),
    "needs:edit": Rule(setup=a_need, methods={"GET": owner_only(), "POST": owner_only()}),
    "needs:withdraw": Rule(setup=a_need, methods={"POST": owner_only()}),
    "needs:renew": Rule(setup=a_need, methods={"POST": owner_only()}),
    "needs:match_detail": Rule(
        setup=a_match, methods={"GET": participants(), "POST": participants()}
    ),
    # Only the person asked answers; moderators can read but not act for them.
    "needs:match_accept": Rule(setup=a_match, methods={"POST": owner_only()}),
    "needs:match_decline": Rule(setup=a_match, methods={"POST": owner_only()}),
    "needs:match_cancel": Rule(setup=a_match, methods={"POST": owner_only()}),
    "needs:match_complete": Rule(
        setup=lambda people: a_match(people, status="accepted"), methods={"POST": owner_only()}
    ),
}
