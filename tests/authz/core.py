"""Authorization rules for the core's own URLs, allauth's and the admin's."""

from .rules import LOGIN, OK, ORGANIZER, Rule, everyone, members, public, unchecked

RULES = {
    "home": public(),
    "privacy": public(),
    # The load balancer's health check: "ok", nothing about anyone.
    "healthz": public(),
    "profile_edit": members("GET", "POST"),
    # Django's view: POST switches the language; GET just goes back where it came from.
    "set_language": public("GET", "POST"),
    "admin:index": Rule(
        methods={
            "GET": {**everyone(LOGIN), ORGANIZER: OK},
            "POST": {**everyone(LOGIN), ORGANIZER: OK},
        }
    ),
}

# allauth's own views: their access rules are allauth's and tested there; the matrix checks
# that none of them fails with a server error for any visitor or method.
ALLAUTH_PREFIX = "account_"
ALLAUTH_KWARGS = {
    "account_confirm_email": {"key": "not-a-real-key"},
    "account_reset_password_from_key": {"uidb36": "1", "key": "not-a-real-key"},
}


def allauth_rule(name: str) -> Rule:
    kwargs = ALLAUTH_KWARGS.get(name, {})
    rule = unchecked("GET", "POST")
    rule.setup = lambda people: (kwargs, None)
    return rule
