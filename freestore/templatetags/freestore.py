"""Template helpers for the free store."""

from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse

from mutualaid import roles

register = template.Library()


def _offer_form_url() -> str:
    # The offers app may not have its create page yet; its list is the fallback.
    try:
        return reverse("offers:create")
    except NoReverseMatch:
        return reverse("offers:list")


@register.simple_tag
def donate_url(item) -> str:
    """A link that opens the offers form prefilled with this item (title, category, kind)."""
    query = urlencode({"title": str(item), "category": item.category_id, "kind": "things"})
    return f"{_offer_form_url()}?{query}"


@register.filter
def store_volunteer(user) -> bool:
    return bool(user.is_authenticated and user.has_role(roles.STORE_VOLUNTEER))


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """This page's query string with another page number, keeping the filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
