"""Template helpers for the free store."""

from django import template

from mutualaid import roles

register = template.Library()


@register.filter
def store_volunteer(user) -> bool:
    return bool(user.is_authenticated and user.has_role(roles.STORE_VOLUNTEER))
