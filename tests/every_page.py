"""Every page a person can open, found in the authorization rules (tests/authz/), so a new
page is looked at by the phone pass and the Spanish pass without being added to them.

Each page is opened by the first kind of visitor its rule serves (a neighbor, the owner, or
the role it is for). allauth's pages, whose rules check nothing, are opened without an account
and as a neighbor, since some (logging in) are for one and some (changing a password) for the
other.
"""

from django.urls import reverse

from .authz.rules import ANONYMOUS, ANY, NEIGHBOR, OK, OWNER, VISITORS
from .test_authorization_matrix import CHECKED, rule_for

# Served as files or to other programs, not read as pages.
NOT_PAGES = {
    "account_logout",
    "freestore:item_suggest",
    "freestore:movements_csv",
    "inbox:count",
    "meetings:calendar_feed",
    "my_data_download",
    "needs:share",
}


def pages():
    """(URL name, kind of visitor) for every page, in the order of the URL names."""
    for name in CHECKED:
        outcomes = rule_for(name).methods.get("GET")
        if not outcomes or name in NOT_PAGES:
            continue
        if set(outcomes.values()) == {ANY}:
            yield name, ANONYMOUS
            yield name, NEIGHBOR
            continue
        visitor = next(
            (kind for kind in (NEIGHBOR, OWNER, *VISITORS) if outcomes.get(kind) == OK), None
        )
        if visitor is not None:
            yield name, visitor


def page_for(name, visitor, people):
    """The page's address, with the objects its rule makes, and who opens it (None: nobody
    signed in)."""
    kwargs, owner = rule_for(name).setup(people)
    kwargs.pop("__post__", None)
    user = owner if visitor == OWNER and owner is not None else people[visitor]
    return (reverse(name, kwargs=kwargs) if kwargs else reverse(name)), user
