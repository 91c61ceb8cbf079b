"""One URL serves a page and its fragment: the whole page normally, the named partial for htmx."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect

from . import shared_cache


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


def render_page_or_shared_fragment(
    request, template: str, fragment: str, context: dict, *, topic: str, parts, also=()
):
    """`render_page_or_fragment` for a fragment that is the same for many readers (a list's
    results): it is kept in the shared cache under `topic` and `parts` (which must hold all
    the fragment depends on besides language and date), and the page gets it as
    `<fragment>_html` to show instead of rendering the partial again. The partials named in
    `also` (the filter form) are shared the same way, for the whole page only."""

    def shared(name):
        return shared_cache.remembered(
            topic,
            (template, name, *parts),
            lambda: render_to_string(f"{template}#{name}", context, request),
        )

    if wants_fragment(request):
        response = HttpResponse(shared(fragment))
    else:
        rendered = {f"{name}_html": shared(name) for name in (fragment, *also)}
        response = render(request, template, {**context, **rendered})
    patch_vary_headers(response, ["HX-Request"])
    return response


def login_redirect(request, next_url: str):
    """Send someone who is not logged in to the login page, then back to `next_url`.

    An htmx request is told to load the login page whole (a fragment swap would put it inside
    the page); a plain request is redirected.
    """
    login = f"{reverse('account_login')}?next={next_url}"
    if wants_fragment(request):
        return HttpResponseClientRedirect(login)
    return redirect(login)


def render_shared_for_visitors(
    request, template: str, context, *, topic: str, parts=(), fragment=None, page=None
):
    """Render `template` with `context()`; for a visitor who is not signed in, what the page
    shows in its `content` partial (or, for htmx, its `fragment`) is the same for every such
    visitor, so it comes from the shared cache under `topic` and `parts` plus the query string,
    and the visit runs no queries for it. A signed-in reader's page holds their own answers and
    forms, so it is always rendered. `page` is what the page needs around the content (its
    title), computed either way."""
    if request.user.is_authenticated:
        data = {**context(), **(page or {})}
        if fragment is None:
            return render(request, template, data)
        return render_page_or_fragment(request, template, fragment, data)
    name = fragment if fragment is not None and wants_fragment(request) else "content"
    query = tuple(sorted(request.GET.lists()))

    def rendered():
        html = render_to_string(f"{template}#{name}", {**context(), **(page or {})}, request)
        # A form that posts carries this visitor's token: such a page must not be shared.
        return None if "csrfmiddlewaretoken" in html else html

    html = shared_cache.remembered(topic, (template, name, request.path, query, *parts), rendered)
    if html is None:
        data = {**context(), **(page or {})}
        html = render_to_string(f"{template}#{name}", data, request)
    if name != "content":
        response = HttpResponse(html)
    else:
        response = render(request, template, {**(page or {}), "content_html": html})
    if fragment is not None:
        patch_vary_headers(response, ["HX-Request"])
    return response
