"""Pages of the offers app: list, detail, share, edit (asking about a need at once), withdraw,
renew."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mutualaid import roles, shared_cache
from mutualaid.double_submit import creates_once
from mutualaid.htmx import render_page_or_shared_fragment
from mutualaid.params import int_or_none
from mutualaid.ratelimit import rate_limited

from .forms import OfferFilterForm, OfferForm
from .models import Offer
from .postform import PostFormPage, post_form, renew, withdraw
from .postlist import TEMPLATE as POST_LIST
from .postlist import PostListPage
from .services import need_ask
from .suggest import filtered, paginate, query_without_page, suggest_for_page

OFFER_LIST = PostListPage(
    side="offer",
    title=gettext_lazy("Offers"),
    list_url="offers:list",
    create_url="offers:create",
    create_label=gettext_lazy("Share what you have"),
    filter_label=gettext_lazy("Filter offers"),
    empty=gettext_lazy("No open offers fit these filters yet."),
    count=ngettext_lazy("%(counter)s open offer", "%(counter)s open offers", "counter"),
    capped_count=gettext_lazy("%(shown)s+ open offers"),
    export_side="offers",
)


@require_safe
def offer_list(request):
    form = OfferFilterForm(request.GET or None)
    values = form.values() if form.is_bound else {}
    offers = filtered(
        Offer.objects.open().for_list(),
        values,
        {"of_kind": values.get("kind")},
        reader=request.user,
    )
    # Lazy: when the shared cache has the results, the list is neither counted nor read.
    page_obj = SimpleLazyObject(lambda: paginate(request, offers))
    context = {
        "words": OFFER_LIST,
        "form": form,
        "page_obj": page_obj,
        "open_count": OFFER_LIST.open_count(page_obj),
        "query": query_without_page(request),
        "can_export": request.user.is_authenticated and request.user.has_role(roles.ORGANIZER),
    }
    # The same for every reader of a kind: signed in or not (what words may be searched), and
    # whether they may export the list. The side: the needs list shares the template.
    parts = ("offer", request.GET.urlencode(), request.user.is_authenticated, context["can_export"])
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
def offer_detail(request, pk):
    offer = get_object_or_404(Offer.objects.for_list().visible_to(request.user), pk=pk)
    context = {
        "offer": offer,
        "details_visible": offer.details_visible_to(request.user),
        "is_owner": offer.can_edit(request.user),
        "suggestions": suggest_for_page(offer, other_side="need", viewer=request.user),
    }
    return render(request, "offers/offer_detail.html", context)


@login_required
@rate_limited("post", "10/h")
@require_http_methods(["GET", "HEAD", "POST"])
@creates_once
def offer_create(request):
    return _offer_form(request, Offer(owner=request.user))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_edit(request, pk):
    offer = get_object_or_404(Offer, pk=pk)
    if not offer.can_edit(request.user):
        raise PermissionDenied
    return _offer_form(request, offer)


def _ask_need(request, offer, need_id):
    return need_ask(need_id=int_or_none(need_id), offer=offer, by=request.user)


OFFER_FORM = PostFormPage(
    form_class=OfferForm,
    other_side="need",
    ask_field="ask_need",
    ask=_ask_need,
    posted=gettext_lazy("Your offer is up. Thank you for sharing."),
    saved=gettext_lazy("Your offer is saved."),
    posted_and_asked=gettext_lazy("Your offer is up and %(name)s has been asked."),
    saved_and_asked=gettext_lazy("Your offer is saved and %(name)s has been asked."),
    create_title=gettext_lazy("Share what you have"),
    edit_title=gettext_lazy("Edit your offer"),
    submit=gettext_lazy("Post my offer"),
    suggestions_title=gettext_lazy("Needs this could meet"),
    suggestions_later=gettext_lazy("When you post it, open needs that fit show on its page."),
    suggestions_empty=gettext_lazy("Start typing and open needs that fit will show here."),
)


def _offer_form(request, offer):
    return post_form(request, offer, OFFER_FORM)


@login_required
@require_POST
def offer_withdraw(request, pk):
    return withdraw(request, get_object_or_404(Offer, pk=pk), _("Your offer is withdrawn."))


@login_required
@require_POST
def offer_renew(request, pk):
    return renew(request, get_object_or_404(Offer, pk=pk))
