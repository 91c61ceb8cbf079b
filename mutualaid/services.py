"""Core actions that touch several rows: a neighbor's data (export, deletion).

Each runs in one transaction, locks what it changes, and raises a domain error (with a
message for people) that the view turns into a message.
"""

from typing import Any

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import FORMER_NEIGHBOR
from .refusals import Refusal

User = get_user_model()


class AccountError(Refusal):
    """The account can't be deleted right now; the message says why."""


def _app_hooks(name: str):
    for config in apps.get_app_configs():
        hook = getattr(config, name, None)
        if callable(hook):
            yield config, hook


def account_export(*, user) -> dict:
    """Everything the hub holds about `user`, for them to download.

    Apps add theirs through `AppConfig.export_user_data(user) -> dict`, under their label.
    """
    data: dict[str, Any] = {
        "hub": settings.HUB_NAME,
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "area": user.area.name if user.area else None,
            "languages": user.language_names(),
            "language": user.language,
            "email_notifications": user.email_notifications,
            "roles": sorted(user.groups.values_list("name", flat=True)),
            "joined": user.date_joined,
            "last_login": user.last_login,
            "suspended": user.suspended,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "reports_you_made": [
            {
                "about": report.content_type.name,
                "reason": report.get_reason_display(),
                "details": report.details,
                "made": report.created_at,
                "status": report.get_status_display(),
                "outcome": report.get_outcome_display() if report.outcome else None,
            }
            for report in user.reports_made.select_related("content_type")
        ],
        "moderation_about_you": [
            {"action": action.get_action_display(), "note": action.note, "when": action.created_at}
            for action in user.moderation_received.all()
        ],
        "apps": {},
    }
    for config, hook in _app_hooks("export_user_data"):
        contribution = hook(user)
        if contribution:
            data["apps"][config.label] = contribution
    return data


def account_forget(*, user) -> None:
    """Delete a neighbor's account, all or nothing.

    Apps go first through `AppConfig.forget_user(user)`: withdraw open posts, drop what only
    mattered to this person, keep shared facts (stock moved, decisions) without their name.
    Then the core empties the account row. The row itself stays, so conversations keep their
    shape and show "a former neighbor" where the name was.
    """
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.forgotten_at is not None:
            raise AccountError(_("This account is already deleted."))
        for _config, hook in _app_hooks("forget_user"):
            hook(locked)
        EmailAddress.objects.filter(user=locked).delete()
        locked.groups.clear()
        locked.user_permissions.clear()
        with translation.override(settings.LANGUAGE_CODE):
            locked.display_name = str(FORMER_NEIGHBOR)
        locked.email = f"former-neighbor-{locked.pk}@deleted.invalid"
        locked.area = None
        locked.languages = []
        locked.language = settings.LANGUAGE_CODE
        locked.email_notifications = False
        locked.is_active = False
        locked.is_staff = False
        locked.is_superuser = False
        locked.last_login = None
        locked.set_unusable_password()
        locked.forgotten_at = timezone.now()
        locked.save()
