"""Notifying neighbors by email, respecting their choice, always through the task queue."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def email_neighbor(*, user, subject: str, template: str, context: dict, force: bool = False):
    """Queue an email to a neighbor built from `template` (a plain-text template).

    Skipped when the neighbor turned notifications off, unless `force` (account emails).
    Returns True when an email was queued.
    """
    if not user.email or not user.is_active:
        return False
    if not force and not user.email_notifications:
        return False
    context = {
        "hub_name": settings.HUB_NAME,
        "site_url": settings.SITE_URL,
        "user": user,
        **context,
    }
    body = render_to_string(template, context)
    send_email.enqueue(
        subject=f"[{settings.HUB_NAME}] {subject}",
        body=body,
        to=[user.email],
    )
    return True


def in_language(code: str | None):
    """Render a notification in the recipient's interface language when we know it."""
    return translation.override(code or settings.LANGUAGE_CODE)
