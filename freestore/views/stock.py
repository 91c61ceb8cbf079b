"""The store's stock: what is in now and most needed, pledges to bring it, and the volunteer
screens that keep the ledger (intake, catalog, shelf count, adjustments)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from mutualaid import shared_cache
from mutualaid.double_submit import creates_once
from mutualaid.htmx import render_page_or_fragment, render_shared_for_visitors
from mutualaid.posters import poster_render
from mutualaid.refusals import refusal_shown

from .. import services
from ..forms import (
    INTAKE_DAMAGED,
    AdjustmentForm,
    IntakeFormSet,
    ItemForm,
    PledgeForm,
    StockFilterForm,
    StocktakeForm,
    StoreChoiceForm,
    intake_data_repair,
)
from ..models import Item, Pledge, StockMovement, Store
from ..selectors import items_mark_my_pledges
from .base import (
    POSTER_MAX,
    chosen_store,
    page_of,
    require_GET_POST,
    service_run,
    volunteer_required,
)


@require_safe
def index(request):
    """In stock now, with live search and filters; the stores' hours and place."""

    def context():
        in_stock = Item.objects.in_stock()
        sizes = in_stock.exclude(size="").order_by("size").values_list("size", flat=True)
        form = StockFilterForm(request.GET or None, sizes=list(sizes.distinct()), url=request.path)
        items = form.filter(in_stock.for_list()) if form.is_bound else in_stock.for_list()
        return {
            "form": form,
            "page_obj": page_of(request, items),
            "stores": Store.objects.select_related("area"),
            "needed": Item.objects.most_needed().for_list()[:5],
        }

    return render_shared_for_visitors(
        request,
        "freestore/stock_list.html",
        context,
        topic=shared_cache.STORE,
        fragment="results",
    )


@require_safe
def needed(request):
    """Most needed: items under their target level, each with 'I can donate this'."""
    page_obj = page_of(request, Item.objects.most_needed().for_list())
    items_mark_my_pledges(items=page_obj.object_list, user=request.user)
    return render(request, "freestore/item_needed.html", {"page_obj": page_obj})


@require_safe
def needed_poster(request):
    """'Most needed at the free store' on one printable page, with a QR code to the list."""
    items = list(Item.objects.most_needed().for_list()[:POSTER_MAX])
    stores = list(Store.objects.select_related("area"))
    url = reverse("freestore:needed")
    context = {"items": items, "stores": stores, "several_stores": len(stores) > 1}
    return poster_render(
        request, "freestore/item_needed_poster.html", context, qr_path=url, back_url=url
    )


@require_GET_POST
@login_required
@creates_once
def pledge(request, pk):
    """'I can donate this': say how many you'll bring; the store volunteers see it."""
    item = get_object_or_404(Item.objects.for_list(), pk=pk)
    form = PledgeForm(
        request.POST or None, initial={"quantity": max(item.target - item.quantity, 1)}
    )
    if request.method == "POST" and form.is_valid():
        quantity = form.cleaned_data["quantity"]
        thanks = ngettext(
            "Thank you! The store volunteers know you'll bring %(count)d.",
            "Thank you! The store volunteers know you'll bring %(count)d.",
            quantity,
        ) % {"count": quantity}
        if service_run(
            request,
            services.pledge_make,
            thanks,
            item=item,
            neighbor=request.user,
            quantity=quantity,
        ):
            return redirect("freestore:needed")
    return render(request, "freestore/pledge_form.html", {"item": item, "form": form})


@require_POST
@volunteer_required
def pledge_receive(request, pk):
    pledge = get_object_or_404(Pledge.objects.for_list(), pk=pk)
    service_run(
        request,
        services.pledge_receive,
        _("Thank you! Recorded: %(summary)s.") % {"summary": pledge},
        pledge=pledge,
        by=request.user,
    )
    return redirect("freestore:volunteer")


@require_POST
@login_required
def pledge_withdraw(request, pk):
    pledge = get_object_or_404(Pledge.objects.visible_to(request.user), pk=pk)
    services.pledge_withdraw(pledge=pledge)
    if pledge.neighbor_id == request.user.pk:
        messages.success(request, _("You took back your promise. Thanks for letting us know."))
        return redirect("freestore:needed")
    messages.success(request, _("That promise is closed."))
    return redirect("freestore:volunteer")


@require_safe
@volunteer_required
def volunteer_home(request):
    store, stores = chosen_store(request)
    context = {
        "store": store,
        "stores": stores,
        "recent": StockMovement.objects.for_list()[:10],
        "pledges": Pledge.objects.pending().for_list()[:50],
    }
    return render(request, "freestore/volunteer_home.html", context)


@require_safe
@volunteer_required
def items(request):
    """Every item in the catalog, in stock or not, for volunteers."""
    form = StockFilterForm(request.GET or None, url=request.path)
    form.fields.pop("size")
    queryset = Item.objects.for_list()
    if form.is_bound:
        queryset = form.filter(queryset)
    context = {"form": form, "page_obj": page_of(request, queryset)}
    return render_page_or_fragment(request, "freestore/item_list.html", "results", context)


@require_safe
@volunteer_required
def item_suggest(request):
    """Names for the type-ahead list on the intake screen."""
    store, _stores = chosen_store(request)
    # The type-ahead input sends its own name (form-N-name), so take any *name parameter.
    text = next((v for k, v in request.GET.items() if k == "q" or k.endswith("-name")), "")
    names = (
        Item.objects.filter(store=store)
        .search(text)
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()[:20]
    )
    return render(request, "freestore/item_suggest.html", {"names": names})


@require_GET_POST
@volunteer_required
@creates_once
def intake(request):
    store, stores = chosen_store(request)
    adding_rows = False
    if store is None:
        messages.error(request, _("There is no store yet. An organizer can add one in the admin."))
        return redirect("freestore:volunteer")
    form_kwargs = {"suggest_url": f"{reverse('freestore:item_suggest')}?store={store.slug}"}
    if request.method == "POST":
        data = request.POST.copy()
        damaged = intake_data_repair(data)
        if damaged:
            messages.error(request, INTAKE_DAMAGED)
        if "more" in data or damaged:
            # More rows without JavaScript: show what was typed again with blank lines added.
            if "more" in data:
                total = int(data["form-TOTAL_FORMS"])
                data["form-TOTAL_FORMS"] = str(min(total + 4, IntakeFormSet.absolute_max))
            formset = IntakeFormSet(data, form_kwargs=form_kwargs)
            adding_rows = True
        else:
            formset = IntakeFormSet(data, form_kwargs=form_kwargs)
            if formset.is_valid():
                done = _record_intake(request, store=store, formset=formset)
                if done:
                    return redirect(f"{request.path}?store={store.slug}")
    else:
        formset = IntakeFormSet(form_kwargs=form_kwargs)
    context = {
        "formset": formset,
        "adding_rows": adding_rows,
        "store": store,
        "store_form": StoreChoiceForm(initial={"store": store}),
        "names": Item.objects.filter(store=store)
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()[:200],
    }
    return render(request, "freestore/stock_intake.html", context)


def _record_intake(request, *, store, formset) -> bool:
    lines = []
    with refusal_shown(request):
        for form in formset.forms:
            if form.is_blank:
                continue
            data = form.cleaned_data
            item = services.item_find_or_create(
                store=store,
                name=data["name"],
                size=data["size"],
                condition=data["condition"],
                category=data["category"],
                new_item=data["new_item"],
            )
            lines.append((item, data["quantity"]))
        services.stock_intake(lines=lines, by=request.user)
        summary = ", ".join(f"{qty} × {item}" for item, qty in lines)
        messages.success(request, _("Thank you! Recorded: %(summary)s.") % {"summary": summary})
        return True
    return False


@require_GET_POST
@volunteer_required
def stocktake(request):
    store, stores = chosen_store(request)
    items = Item.objects.filter(store=store).for_list() if store else Item.objects.none()
    form = StocktakeForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request):
            movements = services.stocktake_record(counts=form.counts(), by=request.user)
            messages.success(
                request,
                ngettext(
                    "Shelf count saved: %(n)d item corrected, the rest matched.",
                    "Shelf count saved: %(n)d items corrected, the rest matched.",
                    len(movements),
                )
                % {"n": len(movements)},
            )
            return redirect(f"{request.path}?store={store.slug}")
    store_form = StoreChoiceForm(initial={"store": store})
    context = {"form": form, "store": store, "store_form": store_form}
    return render(request, "freestore/stocktake_form.html", context)


@require_GET_POST
@volunteer_required
def item_detail(request, pk):
    """An item's movement history, newest first, and a form to adjust it."""
    item = get_object_or_404(Item.objects.for_list(), pk=pk)
    form = AdjustmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request):
            services.stock_adjust(item=item, by=request.user, **form.cleaned_data)
            messages.success(request, _("Adjustment recorded."))
            return redirect(item)
    movements = StockMovement.objects.filter(item=item).select_related("by")
    context = {"item": item, "form": form, "page_obj": page_of(request, movements)}
    return render(request, "freestore/item_detail.html", context)


@require_GET_POST
@volunteer_required
@creates_once
def item_edit(request, pk=None):
    item = get_object_or_404(Item, pk=pk) if pk else None
    store, _stores = chosen_store(request)
    if item is None and store is None:
        raise Http404
    form = ItemForm(request.POST or None, instance=item or Item(store=store))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved = form.save()
        except IntegrityError:
            form.add_error(
                None, _("The store already has an item with that name, size and condition.")
            )
        else:
            messages.success(request, _("Saved."))
            return redirect(saved)
    return render(request, "freestore/item_form.html", {"form": form, "item": item})
