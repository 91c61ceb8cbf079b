"""The need form and the offer form: one flow, with what differs given by each app; and
withdrawing and renewing, which both sides do the same way.

Saving a post and, when the neighbor pressed "Ask about this" on a suggestion, asking about
the other side's post happen in one transaction: a refused ask saves nothing and the form
comes back as typed. A GET from htmx is the live panel asking what fits the draft so far.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from mutualaid import shared_cache
from mutualaid.htmx import render_page_or_fragment, wants_fragment
from mutualaid.refusals import refusal_shown

from .fits import fits_later
from .services import post_renew, post_withdraw
from .suggest import draft_warnings, suggest_for_draft

TEMPLATE = "offers/post_form.html"


@dataclass(frozen=True)
class PostFormPage:
    form_class: type
    other_side: str  # what the panel suggests: "need" or "offer"
    ask_field: str  # the suggestion button's name, holding the other post's id
    ask: Callable  # (request, post, other_id) -> match; raises a Refusal when it can't
    posted: str
    saved: str
    posted_and_asked: str  # with %(name)s, the neighbor asked
    saved_and_asked: str
    # The page's words, for offers/post_form.html.
    create_title: str
    edit_title: str
    submit: str
    suggestions_title: str
    suggestions_later: str  # without JavaScript: where the suggestions show instead
    suggestions_empty: str
    lead: str = ""


def post_form(request, post, page: PostFormPage):
    creating = post.pk is None
    if request.method == "POST":
        form = page.form_class(request.POST, instance=post, user=request.user)
        if form.is_valid():
            other_id = request.POST.get(page.ask_field)
            # A refused ask saves nothing; the form comes back with what was typed.
            with refusal_shown(request):
                with transaction.atomic():
                    post = form.save()
                    fits_later(post, changed=None if creating else form.changed_data)
                    match = page.ask(request, post, other_id) if other_id else None
                if match is not None:
                    asked = page.posted_and_asked if creating else page.saved_and_asked
                    messages.success(request, asked % {"name": match.recipient})
                    return redirect(match)
                messages.success(request, page.posted if creating else page.saved)
                return redirect(post)
    elif wants_fragment(request):
        # Only the suggestions are sent back, so the form isn't built.
        form = None
    else:
        form = page.form_class(instance=post, user=request.user, initial=request.GET.dict())
    draft = request.POST if request.method == "POST" else request.GET
    suggestions = suggest_for_draft(draft, post, other_side=page.other_side, viewer=request.user)
    context = {
        "form": form,
        post._meta.model_name: post,
        "creating": creating,
        "suggestions": suggestions,
        "other_side": page.other_side,
        "words": page,
        # An answer to the live panel also refills the summary and warnings by the fields.
        "live": wants_fragment(request),
        # While typing each field says so beside it; a sent form shows it as a field error.
        "contact_warnings": draft_warnings(draft) if request.method != "POST" else {},
    }
    if form is not None and creating and request.method == "GET" and not request.GET:
        # An empty new post's fields are the same for everyone with the same fields and
        # starting values (their own area): rendered once, until an area or category changes.
        context["fields_html"] = shared_cache.remembered(
            shared_cache.POSTS,
            (
                TEMPLATE,
                "fields",
                page.form_class.__name__,
                tuple(form.fields),
                repr(sorted(form.initial.items())),
            ),
            lambda: render_to_string(f"{TEMPLATE}#fields", context, request),
        )
    return render_page_or_fragment(request, TEMPLATE, "suggestions", context)


def withdraw(request, post, done: str):
    """The owner takes `post` down; `done` says so in the post's own words."""
    with refusal_shown(request):
        post_withdraw(post=post, by=request.user)
        messages.success(request, done)
    return redirect(post)


def renew(request, post):
    with refusal_shown(request):
        post = post_renew(post=post, by=request.user)
        messages.success(request, _("Renewed: open until %(date)s.") % {"date": post.expires_on})
    return redirect(post)
