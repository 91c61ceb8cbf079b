"""The vocabulary of the authorization matrix: who visits, what they should get.

A rule says, for one URL name, how to build its arguments (a fresh object per check, so a
POST that changes state cannot spoil the next check) and, per HTTP method, what each kind of
visitor should get. A method a rule does not list must answer 405, except HEAD, which
follows GET unless the rule lists it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from mutualaid import roles

# Kinds of visitor. "owner" is whoever `setup` says owns the object; "neighbor" is someone
# else who is signed in and holds no role.
ANONYMOUS = "anonymous"
NEIGHBOR = "neighbor"
OWNER = "owner"
ORGANIZER = "organizer"
STORE_VOLUNTEER = "store volunteer"
MODERATOR = "moderator"
INTAKE_VOLUNTEER = "intake volunteer"
VISITORS = [ANONYMOUS, NEIGHBOR, OWNER, ORGANIZER, STORE_VOLUNTEER, MODERATOR, INTAKE_VOLUNTEER]
ROLE_OF = {
    ORGANIZER: roles.ORGANIZER,
    STORE_VOLUNTEER: roles.STORE_VOLUNTEER,
    MODERATOR: roles.MODERATOR,
    INTAKE_VOLUNTEER: roles.INTAKE_VOLUNTEER,
}

# Outcomes.
OK = "ok"  # served: 2xx, or a redirect that is not to the login page
LOGIN = "login"  # sent to log in
DENIED = "denied"  # 403, or 404 where existence itself is private
ANY = "any"  # not checked (e.g. allauth's own flows that depend on session state)


@dataclass
class Rule:
    # setup(people) -> (url kwargs, owner or None); people maps visitor kind -> User.
    # A "__post__" entry in the kwargs is the body to POST (taken out before reversing).
    setup: Callable[[dict], tuple[dict, object]] = lambda people: ({}, None)
    methods: dict[str, dict[str, str]] = field(default_factory=dict)


def everyone(outcome=OK):
    return dict.fromkeys(VISITORS, outcome)


def signed_in():
    return {**everyone(OK), ANONYMOUS: LOGIN}


def only(*allowed, owner_too=False):
    """Signed-in visitors other than `allowed` are refused; anonymous must log in."""
    outcomes = {**everyone(DENIED), ANONYMOUS: LOGIN}
    for kind in allowed:
        outcomes[kind] = OK
    if owner_too:
        outcomes[OWNER] = OK
    return outcomes


def public(*methods, **kwargs):
    return Rule(methods={method: everyone() for method in methods or ("GET",)}, **kwargs)


def members(*methods, **kwargs):
    return Rule(methods={method: signed_in() for method in methods or ("GET",)}, **kwargs)


def unchecked(*methods):
    return Rule(methods={method: everyone(ANY) for method in methods or ("GET", "POST")})
