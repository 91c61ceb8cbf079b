"""Notifying neighbors by email, respecting their choice, always through the task queue."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .site_url import site_url
from .tasks import send_email


def email_neighbor(*, user, subject: str, template: str, context: dict, force: bool = False):
    """Queue an email to a neighbor built from `template` (a plain-text template).

    Skipped when the neighbor turned notifications off, unless `force` (account emails).
    Returns the queued task's result (truthy; its `status` is already FAILED when a backend
    that sends at once could not send it), or False when nothing was queued.
    """
    if not user.email or not user.is_active:
        return False
    if not force and not user.email_notifications:
        return False
    context = {
        "hub_name": settings.HUB_NAME,
        "site_url": site_url(),
        "user": user,
        **context,
    }
    body = render_to_string(template, context)
    # A subject is one header line; a title saved with a line break must not stop the email.
    subject = " ".join(f"[{settings.HUB_NAME}] {subject}".split())
    return send_email.enqueue(subject=subject, body=body, to=[user.email])


def in_language(code: str | None):
    """Render a notification in the recipient's interface language when we know it."""
    return translation.override(code or settings.LANGUAGE_CODE)
