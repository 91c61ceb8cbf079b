"""Private fields, declared beside each model: what the privacy sweep checks every page for.

Every text field of the hub's models is either public or private. A model says which in a
`privacy = Privacy(...)` class attribute: each private field names the QuerySet method that
answers "whose rows may this visitor read?" (`Message.objects.visible_to(user)`), so the rule
lives in one place, the model's QuerySet, and the sweep (tests/test_privacy_sweep.py) asks the
same question the pages should. A text field in neither list fails the sweep.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import models

# A private field nobody reads through the hub's pages (a password hash, a confirmation key).
NOBODY = "nobody"

# The apps whose models the sweep holds to account: every app of this project (an app added
# later is swept from its first model, without being listed), and allauth's accounts (email
# addresses are private). Django's contrib apps keep nothing a neighbor wrote.
ALSO_SWEPT_APPS = ("account",)


@dataclass(frozen=True)
class Privacy:
    # field name -> name of a manager/QuerySet method taking the visitor, or NOBODY
    private: dict[str, str] = field(default_factory=dict)
    public: tuple[str, ...] = ()

    def readable(self, model, field_name: str, user):
        """The rows of `model` whose `field_name` `user` may read."""
        rule = self.private[field_name]
        if rule == NOBODY:
            return model._default_manager.none()
        return getattr(model._default_manager, rule)(user)


def _own_email_addresses(user):
    from allauth.account.models import EmailAddress

    if not user.is_authenticated:
        return EmailAddress.objects.none()
    return EmailAddress.objects.filter(user=user)


# Models of other packages can't carry the declaration, so the core makes it for them.
ELSEWHERE = {
    "account.emailaddress": Privacy(private={"email": "own_email_addresses"}),
    "account.emailconfirmation": Privacy(private={"key": NOBODY}),
}
_ELSEWHERE_RULES = {"own_email_addresses": _own_email_addresses}


def privacy_of(model) -> Privacy | None:
    return getattr(model, "privacy", None) or ELSEWHERE.get(model._meta.label_lower)


def readable(model, field_name: str, user):
    """The rows of `model` whose `field_name` `user` may read (see Privacy.readable)."""
    declared = privacy_of(model)
    rule = declared.private[field_name]
    if rule in _ELSEWHERE_RULES:
        return _ELSEWHERE_RULES[rule](user)
    return declared.readable(model, field_name, user)


def text_fields(model) -> list[str]:
    """The fields that hold words someone wrote (free text, not a choice from a list)."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices
    ]


def swept_apps() -> set[str]:
    from .checks import is_the_projects_own

    own = {config.label for config in apps.get_app_configs() if is_the_projects_own(config)}
    return own | set(ALSO_SWEPT_APPS)


def swept_models():
    labels = swept_apps()
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in labels and not model._meta.proxy
    ]


def unclassified_fields() -> list[str]:
    """`app.Model.field` for every swept text field that is neither public nor private."""
    missing = []
    for model in swept_models():
        declared = privacy_of(model)
        known = set(declared.private) | set(declared.public) if declared else set()
        missing += [
            f"{model._meta.label}.{name}" for name in text_fields(model) if name not in known
        ]
    return missing
