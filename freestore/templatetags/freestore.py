"""Template helpers for the free store."""

from django import template

from mutualaid import roles

register = template.Library()


@register.filter
def store_volunteer(user) -> bool:
    return bool(user.is_authenticated and user.has_role(roles.STORE_VOLUNTEER))


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """This page's query string with another page number, keeping the filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
