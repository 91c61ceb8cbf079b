"""`{% load inbox %}{% unread_notices as count %}`: the header's unread count; and how often
open pages ask again (`{% poll_seconds "inbox" %}`, `{% poll_seconds "thread" %}`)."""

from django import template
from django.conf import settings

from inbox.unread import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notices(context) -> int:
    request = context.get("request")
    return unread_count(request) if request is not None else 0


@register.simple_tag
def poll_seconds(what: str) -> int:
    return {"inbox": settings.INBOX_POLL_SECONDS, "thread": settings.THREAD_POLL_SECONDS}[what]
