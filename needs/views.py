"""Pages of the needs app: needs, matches and their messages, Mine, share, following,
posters and the organizers' export."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inbox.services import notices_read_about
from mutualaid import roles, shared_cache
from mutualaid.csv_cells import csv_cell
from mutualaid.double_submit import creates_once
from mutualaid.htmx import (
    render_page_or_fragment,
    render_page_or_shared_fragment,
    wants_fragment,
)
from mutualaid.moderation import services as moderation
from mutualaid.params import int_or_none
from mutualaid.permissions import role_required
from mutualaid.posters import absolute_url, poster_render
from mutualaid.ratelimit import rate_limited
from mutualaid.refusals import refusal_shown
from mutualaid.site_url import site_url
from offers.forms import OfferFilterForm
from offers.models import Offer
from offers.postform import PostFormPage, post_form, renew, withdraw
from offers.postlist import TEMPLATE as POST_LIST
from offers.postlist import PostListPage
from offers.suggest import (
    filtered,
    paginate,
    query_without_page,
    suggest_for_page,
    suggest_for_post,
)

from . import services
from .forms import AskForm, CompleteForm, FollowForm, MessageForm, NeedFilterForm, NeedForm
from .models import Follow, Match, Message, Need
from .services import MatchError

MINE_SUGGESTED_POSTS = 3
MINE_PAGE_SIZE = 10
MINE_MATCHES_PAGE_SIZE = 20
SHARE_MAX = 50
# What fits one printed page in large type; the QR code opens the rest.
POSTER_MAX = 12
# Query parameters that choose how a poster or an export looks, not which posts it holds.
NOT_FILTERS = ("lang", "page", "side")


def _filtered_needs(request, *, reader=None):
    """The open needs of the list's filter, as `reader` (by default the visitor) may see them."""
    reader = reader or request.user
    form = NeedFilterForm(request.GET or None)
    values = form.values() if form.is_bound else {}
    needs = filtered(
        Need.objects.visible_to(reader).open().for_list(),
        values,
        {"of_urgency": values.get("urgency")},
        reader=reader,
    )
    if values.get("sort") == "waiting":
        needs = needs.order_by("created_at", "pk")
    return form, needs


NEED_LIST = PostListPage(
    side="need",
    title=gettext_lazy("Needs"),
    list_url="needs:list",
    create_url="needs:create",
    create_label=gettext_lazy("Ask for something"),
    filter_label=gettext_lazy("Filter needs"),
    empty=gettext_lazy("No open needs fit these filters right now."),
    count=ngettext_lazy("%(counter)s open need", "%(counter)s open needs", "counter"),
    capped_count=gettext_lazy("%(shown)s+ open needs"),
    export_side="needs",
    shares=True,
)


@require_safe
def need_list(request):
    form, needs = _filtered_needs(request)
    # Lazy: when the shared cache has the results, the list is neither counted nor read.
    page_obj = SimpleLazyObject(lambda: paginate(request, needs))
    context = {
        "words": NEED_LIST,
        "form": form,
        "page_obj": page_obj,
        "open_count": NEED_LIST.open_count(page_obj),
        "query": query_without_page(request),
        "can_export": _can_export(request.user),
    }
    # The same for every reader of a kind: signed in or not (what words may be searched), and
    # whether they may export the list. The side: the offers list shares the template.
    parts = ("need", request.GET.urlencode(), request.user.is_authenticated, context["can_export"])
    return render_page_or_shared_fragment(
        request,
        POST_LIST,
        "results",
        context,
        topic=shared_cache.POSTS,
        parts=parts,
        also=("filters",),
    )


@require_safe
def need_detail(request, pk):
    need = get_object_or_404(Need.objects.for_list().visible_to(request.user), pk=pk)
    is_owner = need.can_edit(request.user)
    matches = []
    if is_owner:
        matches = list(Match.objects.filter(need=need).for_list())
    context = {
        "need": need,
        "details_visible": need.details_visible_to(request.user),
        "contact_visible": need.contact_note_visible_to(request.user),
        "is_owner": is_owner,
        "matches": matches,
        "suggestions": suggest_for_page(need, other_side="offer", viewer=request.user),
    }
    return render(request, "needs/need_detail.html", context)


@login_required
@rate_limited("post", "10/h")
@require_http_methods(["GET", "HEAD", "POST"])
@creates_once
def need_create(request):
    return _need_form(request, Need(owner=request.user))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def need_edit(request, pk):
    need = get_object_or_404(Need, pk=pk)
    if not need.can_edit(request.user):
        raise PermissionDenied
    return _need_form(request, need)


def _ask_offer(request, need, offer_id):
    offer = Offer.objects.visible().filter(pk=int_or_none(offer_id)).first()
    if offer is None:
        raise MatchError(_("That offer is no longer here."))
    return services.match_propose(by=request.user, need=need, offer=offer)


NEED_FORM = PostFormPage(
    form_class=NeedForm,
    other_side="offer",
    ask_field="ask_offer",
    ask=_ask_offer,
    posted=gettext_lazy("Your need is posted. Neighbors can see it now."),
    saved=gettext_lazy("Your need is saved."),
    posted_and_asked=gettext_lazy("Your need is posted and %(name)s has been asked."),
    saved_and_asked=gettext_lazy("Your need is saved and %(name)s has been asked."),
    create_title=gettext_lazy("Ask for something"),
    edit_title=gettext_lazy("Edit your need"),
    lead=gettext_lazy("No questions about who deserves it. Say what would help."),
    submit=gettext_lazy("Post my need"),
    suggestions_title=gettext_lazy("Offers that could meet this"),
    suggestions_later=gettext_lazy("When you post it, offers that fit show on its page."),
    suggestions_empty=gettext_lazy("Start typing and offers that fit will show here."),
)


def _need_form(request, need):
    return post_form(request, need, NEED_FORM)


@login_required
@require_POST
def need_withdraw(request, pk):
    return withdraw(request, get_object_or_404(Need, pk=pk), _("Your need is withdrawn."))


@login_required
@require_POST
def need_renew(request, pk):
    return renew(request, get_object_or_404(Need, pk=pk))


@login_required
@rate_limited("ask", "20/h")
@require_POST
@creates_once
def ask(request):
    """“I can help”, “I'd like this” and “Ask about this” all land here."""
    form = AskForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That link is missing what it was about."))
        return redirect("needs:list")
    need = offer = None
    if form.cleaned_data.get("need"):
        need = get_object_or_404(Need.objects.visible(), pk=form.cleaned_data["need"])
    if form.cleaned_data.get("offer"):
        offer = get_object_or_404(Offer.objects.visible(), pk=form.cleaned_data["offer"])
    with refusal_shown(request):
        match = services.match_propose(
            by=request.user, need=need, offer=offer, message=form.cleaned_data["message"]
        )
        messages.success(
            request,
            _("%(name)s has been asked. You'll hear back here.") % {"name": match.recipient},
        )
        return redirect(match)
    return redirect(offer or need)


def _visible_match(request, pk) -> Match:
    return get_object_or_404(Match.objects.visible_to(request.user).for_list(), pk=pk)


@login_required
@rate_limited("message", "30/h")
@require_http_methods(["GET", "HEAD", "POST"])
@creates_once
def match_detail(request, pk):
    match = _visible_match(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request):
            services.message_send(match=match, by=request.user, body=form.cleaned_data["body"])
            return redirect(match)
    is_participant = match.is_participant(request.user)
    thread = Message.objects.visible_to(request.user).filter(match=match)
    since = None
    if wants_fragment(request):
        # The open thread asks every few seconds whether anything came; until something did,
        # nothing is swapped, so nothing is announced again and the form is never touched.
        since = int_or_none(request.GET.get("since")) or 0
        if not is_participant or not thread.filter(pk__gt=since).exists():
            return HttpResponse(status=204)
    thread = list(thread.select_related("author"))
    if is_participant:
        notices_read_about(about=match, by=request.user)
    else:
        # A moderator reading a reported thread: the read of each reported message is logged.
        moderation.reported_items_read(targets=thread, by=request.user)
    context = {
        "match": match,
        "thread": thread,
        "last_message_id": thread[-1].pk if thread else 0,
        "arrived": [m for m in thread if since is not None and m.pk > since],
        "form": form,
        "complete_form": CompleteForm(),
        "is_participant": is_participant,
        "is_recipient": request.user.pk == match.recipient_id,
        "other": match.other_person(request.user),
    }
    return render_page_or_fragment(request, "needs/match_detail.html", "thread", context)


def _match_action(request, pk, action, done_message, **kwargs):
    match = _visible_match(request, pk)
    with refusal_shown(request):
        action(match=match, by=request.user, **kwargs)
        messages.success(request, done_message)
    return redirect(match)


@login_required
@require_POST
def match_accept(request, pk):
    return _match_action(
        request, pk, services.match_accept, _("Accepted. Now agree a time in the messages.")
    )


@login_required
@require_POST
def match_decline(request, pk):
    return _match_action(request, pk, services.match_decline, _("You said no, kindly."))


@login_required
@require_POST
def match_cancel(request, pk):
    return _match_action(request, pk, services.match_cancel, _("Cancelled."))


@login_required
@require_POST
def match_complete(request, pk):
    form = CompleteForm(request.POST)
    thanks = form.cleaned_data["thanks"] if form.is_valid() else ""
    return _match_action(
        request, pk, services.match_complete, _("Marked as done. Thank you!"), thanks=thanks
    )


@login_required
@require_safe
def mine(request):
    """A neighbor's own matches, needs and offers: what is still going first, the rest paged,
    so the page stays the same size however much someone posted. What may fit an open post
    is ranked only when its panel comes into view (an htmx fragment of this URL); without
    JavaScript each post's own page shows it."""
    user = request.user
    if wants_fragment(request) and request.GET.get("fits"):
        return _mine_fits(request, request.GET["fits"])
    needs = _mine_page(request, "needs", Need.objects.by(user), MINE_PAGE_SIZE)
    offers = _mine_page(request, "offers", Offer.objects.by(user), MINE_PAGE_SIZE)
    for page in (needs, offers):
        if page.number == 1:
            for post in [post for post in page if post.is_open][:MINE_SUGGESTED_POSTS]:
                post.fits_later = True
    matches = Paginator(
        Match.objects.involving(user).for_list().with_unread_flag(user).active_first(),
        MINE_MATCHES_PAGE_SIZE,
    ).get_page(request.GET.get("matches"))
    context = {
        "my_needs": needs,
        "my_offers": offers,
        "matches": matches,
        "follows": list(Follow.objects.filter(user=user).for_list()),
    }
    return render(request, "needs/mine.html", context)


def _mine_page(request, name, posts, size):
    return Paginator(posts.for_list().still_going_first(), size).get_page(request.GET.get(name))


MINE_FITS = {
    "need": (Need, "offer", gettext_lazy("Offers that could meet this")),
    "offer": (Offer, "need", gettext_lazy("Needs this could meet")),
}


def _mine_fits(request, value):
    side, _dash, pk = value.partition("-")
    if side not in MINE_FITS or int_or_none(pk) is None:
        return HttpResponse(status=400)
    model, other_side, other_label = MINE_FITS[side]
    post = get_object_or_404(model.objects.by(request.user).for_list(), pk=int_or_none(pk))
    post.suggestions = suggest_for_post(post, other_side=other_side, viewer=request.user)
    context = {"post": post, "side": side, "other_label": other_label}
    return render_page_or_fragment(request, "needs/mine_post.html", "fits", context)


@require_safe
def share(request):
    """A plain-text list of open needs for a filter, ready to paste into a chat group."""
    form, needs = _filtered_needs(request)
    needs = list(needs[:SHARE_MAX])
    text = render_to_string(
        "needs/need_share.txt", {"needs": needs, "site_url": site_url(request)}
    ).strip()
    if request.GET.get("format") == "text":
        return HttpResponse(text + "\n", content_type="text/plain; charset=utf-8")
    context = {"form": form, "text": text, "count": len(needs), "query": request.GET.urlencode()}
    return render(request, "needs/need_share.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@creates_once
def follow_list(request):
    form = FollowForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        follow = form.save(commit=False)
        follow.user = request.user
        follow.save()
        form.save_m2m()
        messages.success(request, _("Followed. You'll get a daily email when new posts fit."))
        return redirect("needs:follows")
    follows = Follow.objects.filter(user=request.user).for_list()
    return render(request, "needs/follow_list.html", {"form": form, "follows": follows})


@login_required
@require_POST
def follow_delete(request, pk):
    follow = get_object_or_404(Follow, pk=pk, user=request.user)
    follow.delete()
    messages.success(request, _("You no longer follow that."))
    return redirect("needs:follows")


def _can_export(user) -> bool:
    return user.is_authenticated and user.has_role(roles.ORGANIZER)


def _filter_query(request) -> str:
    params = request.GET.copy()
    for name in NOT_FILTERS:
        params.pop(name, None)
    return f"?{params.urlencode()}" if params else ""


@require_safe
def need_poster(request):
    """'Open needs in Riverside': a printable page of a filter's open needs.

    A poster hangs in public, so it lists what a visitor without an account may read
    (`visible_to`), titles only, never who posted them.
    """
    form, needs = _filtered_needs(request, reader=AnonymousUser())
    values = form.values() if form.is_bound else {}
    count = needs.count()
    context = {
        "needs": list(needs[:POSTER_MAX]),
        "count": count,
        "more": max(count - POSTER_MAX, 0),
        "area": values.get("area"),
        "category": values.get("category"),
        "urgency": values.get("urgency"),
        "words": values.get("q"),
    }
    list_url = reverse("needs:list") + _filter_query(request)
    return poster_render(
        request, "needs/need_list_poster.html", context, qr_path=list_url, back_url=list_url
    )


@require_safe
def need_detail_poster(request, pk):
    """One need on a printable page, with a QR code that opens it."""
    need = get_object_or_404(Need.objects.visible_to(AnonymousUser()).for_list(), pk=pk)
    context = {"need": need, "details_visible": need.details_visible_to(AnonymousUser())}
    url = need.get_absolute_url()
    return poster_render(request, "needs/need_poster.html", context, qr_path=url, back_url=url)


@require_safe
@role_required(roles.ORGANIZER)
def export(request):
    """The open needs and offers of a filter as CSV, for organizers.

    Only what the public lists show a visitor without an account: no names, no details, no
    contact, nothing a moderator hid. Every cell written by a neighbor is made formula-safe.
    """
    anyone = AnonymousUser()
    side = request.GET.get("side", "")
    rows = []
    if side != "offers":
        _form, needs = _filtered_needs(request, reader=anyone)
        rows.append((_("Need"), needs.order_by("-created_at", "-pk")))
    if side != "needs":
        form = OfferFilterForm(request.GET or None)
        values = form.values() if form.is_bound else {}
        offers = filtered(
            Offer.objects.visible_to(anyone).open().for_list(),
            values,
            {"of_kind": values.get("kind")},
            reader=anyone,
        )
        rows.append((_("Offer"), offers.order_by("-created_at", "-pk")))
    today = timezone.localdate().isoformat()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="needs-and-offers-{today}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Need or offer"),
            _("Title"),
            _("Category"),
            _("Area"),
            _("Kind"),
            _("How soon"),
            _("Posted"),
            _("Link"),
        ]
    )
    for label, posts in rows:
        for post in posts.iterator(chunk_size=2000):
            writer.writerow(
                [
                    label,
                    csv_cell(post.title),
                    csv_cell(post.category),
                    csv_cell(post.area),
                    post.get_kind_display() if hasattr(post, "kind") else "",
                    post.get_urgency_display() if hasattr(post, "urgency") else "",
                    timezone.localdate(post.created_at).isoformat(),
                    absolute_url(request, post.get_absolute_url()),
                ]
            )
    return response
