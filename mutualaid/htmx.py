"""One URL serves a page and its fragment: the whole page normally, the named partial for htmx."""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_fragment(request) -> bool:
    """Whether this request will be answered with a fragment, so page-only work can be skipped."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def render_page_or_fragment(request, template: str, fragment: str, context: dict, **kwargs):
    """Render `template`, or just `template#fragment` for an htmx request.

    History-restore requests get the whole page, since htmx swaps it in as a page.
    """
    if wants_fragment(request):
        response = render(request, f"{template}#{fragment}", context, **kwargs)
    else:
        response = render(request, template, context, **kwargs)
    patch_vary_headers(response, ["HX-Request"])
    return response
