"""Authorization rules for the inbox: a neighbor's notices are theirs alone."""

from inbox.services import notice_send
from needs.tests.factories import MatchFactory

from .rules import ANONYMOUS, DENIED, LOGIN, OK, OWNER, Rule, everyone, members, public


def a_notice(people):
    match = MatchFactory(need__owner=people[OWNER])
    notice = notice_send(recipient=people[OWNER], kind="asked", about=match, actor=match.requester)
    return {"pk": notice.pk}, people[OWNER]


RULES = {
    "inbox:list": members(),
    # The header polls it on every page; without an account it answers with nothing.
    "inbox:count": public(),
    "inbox:read_all": members("POST"),
    "inbox:settings": members("GET", "POST"),
    "inbox:open": Rule(
        setup=a_notice, methods={"GET": {**everyone(DENIED), ANONYMOUS: LOGIN, OWNER: OK}}
    ),
}
