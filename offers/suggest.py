"""Suggestions for a draft or a saved post, from the other side, through mutualaid.ranking.

Both apps use this: a need asks for offers, an offer asks for needs.
"""

from django.apps import apps

from mutualaid import shared_cache
from mutualaid.contact_details import MESSAGES as CONTACT_MESSAGES
from mutualaid.contact_details import contact_details_in
from mutualaid.paging import CappedPaginator
from mutualaid.params import int_or_none
from mutualaid.ranking import rank

from .models import Post

SUGGESTIONS_SHOWN = 5
PAGE_SIZE = 20


def counterpart_posts(side: str, viewer):
    """Open posts of `side` ("need" or "offer") that `viewer` could be matched with.

    The model registry finds the `Post` of that side: needs sit on top of offers, so offers
    can't import them, yet an offer's page and form rank needs.
    """
    for model in apps.get_models():
        if issubclass(model, Post) and model.side == side:
            return model.objects.matchable_by(viewer)  # type: ignore[attr-defined]
    raise LookupError(f"No model holds {side} posts for matching.")


def suggest(*, other_side: str, title="", details="", category=None, area=None, viewer=None):
    posts = counterpart_posts(other_side, viewer)
    return rank(
        posts,
        text=f"{title} {details}",  # title words come first in the word budget
        title=title,
        category=category,
        area=area,
        viewer=viewer,
        limit=SUGGESTIONS_SHOWN,
    )


def suggest_for_post(post, *, other_side: str, viewer):
    if not post.is_open:
        return []
    # Details the reader may not read don't choose what fits: the suggestions and their
    # reasons ("Shares the words: eviction") would tell them what the details say.
    return suggest(
        other_side=other_side,
        title=post.title,
        details=post.details if post.details_visible_to(viewer) else "",
        category=post.category_id,
        area=post.area_id,
        viewer=viewer,
    )


def suggest_for_page(post, *, other_side: str, viewer):
    """What may fit a post, for its page: ranked once per reader until a post changes, from
    the shared cache (matching reads through the reader's eyes, never their own posts)."""
    return shared_cache.remembered(
        shared_cache.POSTS,
        ("suggestions", post._meta.label, post.pk, post.updated, getattr(viewer, "pk", None)),
        lambda: suggest_for_post(post, other_side=other_side, viewer=viewer),
    )


def suggest_for_draft(data, instance, *, other_side: str, viewer):
    """Suggestions from what a form holds so far, valid or not (it is a draft)."""
    if not data:
        if instance.pk:
            return suggest_for_post(instance, other_side=other_side, viewer=viewer)
        return []
    return suggest(
        other_side=other_side,
        title=str(data.get("title", ""))[:200],
        details=str(data.get("details", ""))[:2000],
        category=int_or_none(data.get("category")),
        area=int_or_none(data.get("area")),
        viewer=viewer,
    )


def draft_warnings(data) -> dict[str, str]:
    """While a draft is typed: for the title and the details, a plain warning when that field
    holds contact details, so it shows beside the field it is about."""
    warnings = {}
    for name, limit in (("title", 200), ("details", 2000)):
        kind = contact_details_in(str((data or {}).get(name, ""))[:limit])
        if kind:
            warnings[name] = str(CONTACT_MESSAGES[kind])
    return warnings


def filtered(queryset, values: dict, extra: dict | None = None, *, reader):
    """Apply list filters (category, area, words, and app-specific ones).

    Words match only what `reader` may read (see PostQuerySet.with_words).
    """
    queryset = queryset.in_categories([values["category"]] if values.get("category") else None)
    queryset = queryset.in_area(values.get("area"))
    if values.get("q"):
        queryset = queryset.with_words(values["q"], reader=reader)
    for method, value in (extra or {}).items():
        queryset = getattr(queryset, method)(value)
    return queryset


def paginate(request, queryset):
    number = request.GET.get("page")
    return CappedPaginator(queryset, PAGE_SIZE, page_number=number).get_page(number)


def query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
