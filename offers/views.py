"""Pages of the offers app: list, detail, share, edit (asking about a need at once), withdraw,
renew."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mutualaid import roles
from mutualaid.double_submit import creates_once
from mutualaid.htmx import render_page_or_fragment, wants_fragment
from mutualaid.ratelimit import rate_limited

from .forms import OfferFilterForm, OfferForm
from .models import Offer
from .services import AskRefused, PostError, need_ask, post_renew, post_withdraw
from .suggest import (
    draft_warning,
    filtered,
    paginate,
    query_without_page,
    suggest_for_draft,
    suggest_for_post,
)


@require_GET
def offer_list(request):
    form = OfferFilterForm(request.GET or None)
    values = form.values() if form.is_bound else {}
    offers = filtered(Offer.objects.open().for_list(), values, {"of_kind": values.get("kind")})
    context = {
        "form": form,
        "page_obj": paginate(request, offers),
        "query": query_without_page(request),
    }
    return render_page_or_fragment(request, "offers/offer_list.html", "results", context)


@require_GET
def offer_detail(request, pk):
    offers = Offer.objects.for_list()
    if not (request.user.is_authenticated and request.user.has_role(roles.MODERATOR)):
        offers = offers.visible()
    offer = get_object_or_404(offers, pk=pk)
    context = {
        "offer": offer,
        "details_visible": offer.details_visible_to(request.user),
        "is_owner": offer.can_edit(request.user),
        "suggestions": suggest_for_post(offer, other_side="need", viewer=request.user),
    }
    return render(request, "offers/offer_detail.html", context)


@login_required
@rate_limited("post", "10/h")
@require_http_methods(["GET", "POST"])
@creates_once
def offer_create(request):
    return _offer_form(request, Offer(owner=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, pk):
    offer = get_object_or_404(Offer, pk=pk)
    if not offer.can_edit(request.user):
        raise PermissionDenied
    return _offer_form(request, offer)


def _offer_form(request, offer):
    creating = offer.pk is None
    if request.method == "POST":
        form = OfferForm(request.POST, instance=offer, user=request.user)
        if form.is_valid():
            ask_need = request.POST.get("ask_need")
            try:
                with transaction.atomic():
                    offer = form.save()
                    match = None
                    if ask_need:
                        match = need_ask(need_id=_int(ask_need), offer=offer, by=request.user)
            except AskRefused as error:
                # Nothing was saved; the form keeps what was typed.
                messages.error(request, str(error))
            else:
                if match is not None:
                    messages.success(
                        request,
                        (
                            _("Your offer is up and %(name)s has been asked.")
                            if creating
                            else _("Your offer is saved and %(name)s has been asked.")
                        )
                        % {"name": match.recipient},
                    )
                    return redirect(match)
                if creating:
                    messages.success(request, _("Your offer is up. Thank you for sharing."))
                else:
                    messages.success(request, _("Your offer is saved."))
                return redirect(offer)
    elif wants_fragment(request):
        # The live panel asking what fits the draft so far: only the suggestions are sent back.
        form = None
    else:
        form = OfferForm(instance=offer, user=request.user, initial=request.GET.dict())
    draft = request.POST if request.method == "POST" else request.GET
    context = {
        "form": form,
        "offer": offer,
        "creating": creating,
        "suggestions": suggest_for_draft(draft, offer, other_side="need", viewer=request.user),
        # The live panel says so while typing; a sent form shows it as a field error.
        "contact_warning": draft_warning(draft) if request.method == "GET" else None,
    }
    return render_page_or_fragment(request, "offers/offer_form.html", "suggestions", context)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
@require_POST
def offer_withdraw(request, pk):
    offer = get_object_or_404(Offer, pk=pk)
    try:
        post_withdraw(post=offer, by=request.user)
    except PostError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your offer is withdrawn."))
    return redirect(offer)


@login_required
@require_POST
def offer_renew(request, pk):
    offer = get_object_or_404(Offer, pk=pk)
    try:
        offer = post_renew(post=offer, by=request.user)
    except PostError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Renewed: open until %(date)s.") % {"date": offer.expires_on})
    return redirect(offer)
