"""`{% load inbox %}{% unread_notices as count %}`: the header's unread count."""

from django import template

from inbox.unread import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notices(context) -> int:
    request = context.get("request")
    return unread_count(request) if request is not None else 0
