"""The link to another page of a list, for components/pagination.html."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page", anchor="") -> str:
    """This page's query string with another page number, keeping the filters."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}{'#' + anchor if anchor else ''}"
