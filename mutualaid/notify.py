"""Notifying neighbors by email, respecting their choice, always through the task queue."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .site_url import site_url
from .tasks import send_email


def email_neighbor(*, user, subject, template: str, context: dict, force: bool = False):
    """Queue an email to a neighbor built from `template` (a plain-text template), in the
    neighbor's language. `subject` is a string, or a function that makes it, so that a
    subject put together from parts is translated in that language too.

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
    with in_language(user):
        body = render_to_string(template, context)
        subject = str(subject() if callable(subject) else subject)
    # A subject is one header line; a title saved with a line break must not stop the email.
    subject = " ".join(f"[{settings.HUB_NAME}] {subject}".split())
    return send_email.enqueue(subject=subject, body=body, to=[user.email])


def language_of(user) -> str:
    code = getattr(user, "language", "") or ""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def in_language(user_or_code):
    """Words made inside speak the recipient's language (a neighbor, or a language code)."""
    if isinstance(user_or_code, str) or user_or_code is None:
        code = user_or_code if user_or_code in dict(settings.LANGUAGES) else None
        return translation.override(code or settings.LANGUAGE_CODE)
    return translation.override(language_of(user_or_code))
