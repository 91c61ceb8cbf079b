"""Give-aways: the volunteer's basket, kept in the session and checked out all together."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from mutualaid.htmx import render_page_or_fragment
from mutualaid.refusals import refusal_shown

from .. import services
from ..forms import BasketAddForm, StockFilterForm
from ..models import Item
from .base import page_of, volunteer_required

BASKET_KEY = "freestore_basket"


def _basket(request) -> dict[int, int]:
    return {int(k): v for k, v in request.session.get(BASKET_KEY, {}).items()}


def _save_basket(request, basket: dict[int, int]):
    request.session[BASKET_KEY] = {str(k): v for k, v in basket.items()}


@require_safe
@volunteer_required
def basket(request):
    """Give-away basket: find items, add them, check out all together."""
    form = StockFilterForm(request.GET or None, url=request.path)
    form.fields.pop("size")
    in_stock = Item.objects.in_stock().for_list()
    if form.is_bound:
        in_stock = form.filter(in_stock)
    lines = _basket(request)
    basket_items = {i.pk: i for i in Item.objects.for_list().filter(pk__in=lines)}
    context = {
        "form": form,
        "page_obj": page_of(request, in_stock),
        "lines": [(basket_items[pk], qty) for pk, qty in lines.items() if pk in basket_items],
    }
    return render_page_or_fragment(request, "freestore/basket_detail.html", "results", context)


@require_POST
@volunteer_required
def basket_add(request):
    form = BasketAddForm(request.POST)
    if form.is_valid():
        lines = _basket(request)
        item = form.cleaned_data["item"]
        lines[item.pk] = lines.get(item.pk, 0) + form.cleaned_data["quantity"]
        _save_basket(request, lines)
        messages.success(request, _("Added %(item)s to the basket.") % {"item": item})
    else:
        messages.error(request, _("Type how many, one or more."))
    return redirect("freestore:basket")


@require_POST
@volunteer_required
def basket_remove(request, item_id):
    lines = _basket(request)
    lines.pop(item_id, None)
    _save_basket(request, lines)
    return redirect("freestore:basket")


@require_POST
@volunteer_required
def basket_check_out(request):
    lines = _basket(request)
    if not lines:
        messages.info(request, _("The basket is empty. Add what is leaving first."))
        return redirect("freestore:basket")
    with refusal_shown(
        request, wording=_("%(why)s The basket was not given away; please change it.")
    ):
        movements = services.basket_check_out(lines=lines, by=request.user)
        _save_basket(request, {})
        count = sum(-m.quantity for m in movements)
        messages.success(
            request,
            ngettext(
                "Given away: %(count)d thing. Nothing else recorded.",
                "Given away: %(count)d things. Nothing else recorded.",
                count,
            )
            % {"count": count},
        )
    return redirect("freestore:basket")
