"""Pages of the free store: public stock and shelf, volunteer screens, shifts and reports."""

import csv
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mutualaid import roles
from mutualaid.csv_cells import csv_cell
from mutualaid.double_submit import creates_once
from mutualaid.htmx import render_page_or_fragment
from mutualaid.permissions import role_required
from mutualaid.posters import poster_render

from . import reports, services
from .forms import (
    INTAKE_DAMAGED,
    AdjustmentForm,
    BasketAddForm,
    BorrowForm,
    IntakeFormSet,
    ItemForm,
    MovementExportForm,
    PledgeForm,
    ShiftForm,
    StockFilterForm,
    StocktakeForm,
    StoreChoiceForm,
    ThingForm,
    intake_data_repair,
)
from .models import (
    Hold,
    Item,
    Loan,
    Pledge,
    Shift,
    ShiftSignup,
    StockMovement,
    Store,
    Thing,
    ThingStatus,
)

PAGE_SIZE = 30
volunteer_required = role_required(roles.STORE_VOLUNTEER)
require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])
# What fits one printed page in large type; the QR code opens the rest.
POSTER_MAX = 12


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _is_volunteer(user) -> bool:
    return user.is_authenticated and user.has_role(roles.STORE_VOLUNTEER)


# Public pages ----------------------------------------------------------------------------


@require_safe
def index(request):
    """In stock now, with live search and filters; the stores' hours and place."""
    in_stock = Item.objects.in_stock()
    sizes = in_stock.exclude(size="").order_by("size").values_list("size", flat=True).distinct()
    form = StockFilterForm(request.GET or None, sizes=list(sizes), url=request.path)
    items = form.filter(in_stock.for_list()) if form.is_bound else in_stock.for_list()
    context = {
        "form": form,
        "page_obj": _page(request, items),
        "stores": Store.objects.select_related("area"),
        "needed": Item.objects.most_needed().for_list()[:5],
    }
    return render_page_or_fragment(request, "freestore/stock_list.html", "results", context)


@require_safe
def needed(request):
    """Most needed: items under their target level, each with 'I can donate this'."""
    page_obj = _page(request, Item.objects.most_needed().for_list())
    mine = {}
    if request.user.is_authenticated:
        pledges = Pledge.objects.pending().filter(
            neighbor=request.user, item__in=page_obj.object_list
        )
        mine = {pledge.item_id: pledge for pledge in pledges}
    for item in page_obj.object_list:
        item.my_pledge = mine.get(item.pk)
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
        if _run(
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
    _run(
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
def shelf(request):
    """The lending shelf: what can be borrowed and what is out."""
    context = {"page_obj": _page(request, Thing.objects.for_list())}
    return render(request, "freestore/thing_list.html", context)


def _held_until(hold):
    if hold.notified_at is None:
        return None
    return timezone.localdate(hold.notified_at) + datetime.timedelta(days=services.HOLD_DAYS)


@require_safe
def thing_detail(request, pk):
    thing = get_object_or_404(Thing.objects.for_list(), pk=pk)
    user = request.user
    open_loan = thing.loans.open().select_related("borrower").first()
    queue = list(thing.holds.filter(closed_at__isnull=True).select_related("neighbor"))
    my_hold = next((h for h in queue if user.is_authenticated and h.neighbor_id == user.pk), None)
    context = {
        "thing": thing,
        "my_loan": open_loan if open_loan and open_loan.borrower_id == user.pk else None,
        "open_loan": open_loan if _is_volunteer(user) else None,
        "queue_length": len(queue),
        "my_hold": my_hold,
        "my_place": queue.index(my_hold) + 1 if my_hold else None,
        "held_for_me": thing.is_held and my_hold is not None and queue[0] == my_hold,
        "held_until": _held_until(queue[0]) if thing.is_held else None,
        "can_borrow": thing.status == ThingStatus.AVAILABLE
        and (not queue or (my_hold is not None and queue[0] == my_hold)),
        "borrow_form": BorrowForm(initial={"due_on": _default_due(thing)}),
        "is_volunteer": _is_volunteer(user),
        "statuses": [
            (value, label) for value, label in ThingStatus.choices if value != ThingStatus.ON_LOAN
        ],
    }
    return render(request, "freestore/thing_detail.html", context)


def _default_due(thing):
    return timezone.localdate() + datetime.timedelta(days=thing.loan_days)


def _run(request, action, success: str, **kwargs):
    """Call a service; show its refusal as a message. Returns the result or None."""
    try:
        result = action(**kwargs)
    except services.StoreError as error:
        messages.error(request, str(error))
        return None
    messages.success(request, success)
    return result if result is not None else True


@require_POST
@login_required
def thing_borrow(request, pk):
    thing = get_object_or_404(Thing, pk=pk)
    form = BorrowForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("due_on", []):
            messages.error(request, error)
        return redirect(thing)
    _run(
        request,
        services.loan_borrow,
        _("It's yours until %(date)s. Enjoy!")
        % {"date": formats.date_format(form.cleaned_data["due_on"])},
        thing=thing,
        borrower=request.user,
        due_on=form.cleaned_data["due_on"],
    )
    return redirect(thing)


@require_POST
@login_required
def thing_hold(request, pk):
    thing = get_object_or_404(Thing, pk=pk)
    _run(
        request,
        services.hold_place,
        _("You're in the queue. We'll email you when it's back."),
        thing=thing,
        neighbor=request.user,
    )
    return redirect(thing)


@require_POST
@login_required
def hold_cancel(request, pk):
    hold = get_object_or_404(Hold, pk=pk, neighbor=request.user, closed_at__isnull=True)
    _run(request, services.hold_cancel, _("You left the queue."), hold=hold)
    return redirect(hold.thing)


def _loan_for(request, pk):
    """The borrower's own loan; store volunteers may handle any loan."""
    loans = Loan.objects.select_related("thing")
    if _is_volunteer(request.user):
        return get_object_or_404(loans, pk=pk)
    return get_object_or_404(loans, pk=pk, borrower=request.user)


@require_POST
@login_required
def loan_return(request, pk):
    loan = _loan_for(request, pk)
    _run(request, services.loan_return, _("Thanks for bringing it back!"), loan=loan)
    return redirect(request.POST.get("next") == "loans" and "freestore:loans" or loan.thing)


@require_POST
@login_required
def loan_renew(request, pk):
    loan = _loan_for(request, pk)
    _run(request, services.loan_renew, _("Renewed. Keep it a bit longer."), loan=loan)
    return redirect("freestore:loans")


@require_safe
@login_required
def loans(request):
    """My loans and my places in queues. A borrower only ever sees their own."""
    context = {
        "page_obj": _page(request, Loan.objects.for_list().filter(borrower=request.user)),
        "holds": Hold.objects.filter(neighbor=request.user, closed_at__isnull=True)
        .select_related("thing")
        .order_by("created_at"),
    }
    return render(request, "freestore/loan_list.html", context)


@require_safe
def shifts(request):
    upcoming = Shift.objects.upcoming().for_list()
    if request.user.is_authenticated:
        upcoming = upcoming.prefetch_related(
            Prefetch(
                "signups",
                queryset=ShiftSignup.objects.filter(volunteer=request.user),
                to_attr="mine",
            )
        )
    context = {"page_obj": _page(request, upcoming), "is_volunteer": _is_volunteer(request.user)}
    return render(request, "freestore/shift_list.html", context)


@require_safe
def shift_detail(request, pk):
    shift = get_object_or_404(Shift.objects.for_list(), pk=pk)
    # Who is on shows to signed-in neighbors only.
    people = (
        list(shift.signups.select_related("volunteer")) if request.user.is_authenticated else []
    )
    context = {
        "shift": shift,
        "people": people,
        "signed_up": any(s.volunteer_id == request.user.pk for s in people),
        "places_left": max(shift.places - shift.taken, 0),
    }
    return render(request, "freestore/shift_detail.html", context)


@require_safe
def shift_day_sheet(request, pk):
    """A shift's day sheet to print: what its store has in stock and what it needs most."""
    shift = get_object_or_404(Shift.objects.select_related("store", "store__area"), pk=pk)
    items = Item.objects.filter(store=shift.store).for_list()
    context = {
        "shift": shift,
        "in_stock": list(items.in_stock().order_by("category__order", "category__name", "name")),
        "needed": list(items.most_needed()),
    }
    return render(request, "freestore/shift_day_sheet.html", context)


@require_POST
@login_required
def shift_sign_up(request, pk):
    shift = get_object_or_404(Shift, pk=pk)
    _run(
        request,
        services.shift_sign_up,
        _("You're on the shift. Thank you!"),
        shift=shift,
        volunteer=request.user,
    )
    return redirect(shift)


@require_POST
@login_required
def shift_cancel(request, pk):
    shift = get_object_or_404(Shift, pk=pk)
    _run(
        request,
        services.shift_cancel,
        _("You're off the shift. Thanks for telling us."),
        shift=shift,
        volunteer=request.user,
    )
    return redirect(shift)


# Volunteer screens -----------------------------------------------------------------------


def _chosen_store(request):
    stores = list(Store.objects.all())
    if not stores:
        return None, stores
    slug = request.GET.get("store") or request.POST.get("store")
    chosen = next((s for s in stores if s.slug == slug), stores[0])
    return chosen, stores


@require_safe
@volunteer_required
def volunteer_home(request):
    store, stores = _chosen_store(request)
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
    context = {"form": form, "page_obj": _page(request, queryset)}
    return render_page_or_fragment(request, "freestore/item_list.html", "results", context)


@require_safe
@volunteer_required
def item_suggest(request):
    """Names for the type-ahead list on the intake screen."""
    store, _stores = _chosen_store(request)
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
    store, stores = _chosen_store(request)
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
    try:
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
    except services.StoreError as error:
        messages.error(request, str(error))
        return False
    summary = ", ".join(f"{qty} × {item}" for item, qty in lines)
    messages.success(request, _("Thank you! Recorded: %(summary)s.") % {"summary": summary})
    return True


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
        "page_obj": _page(request, in_stock),
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
    try:
        movements = services.basket_check_out(lines=lines, by=request.user)
    except services.StoreError as error:
        messages.error(
            request, _("%(why)s The basket was not given away; please change it.") % {"why": error}
        )
        return redirect("freestore:basket")
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


@require_GET_POST
@volunteer_required
def stocktake(request):
    store, stores = _chosen_store(request)
    items = Item.objects.filter(store=store).for_list() if store else Item.objects.none()
    form = StocktakeForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            movements = services.stocktake_record(counts=form.counts(), by=request.user)
        except services.StoreError as error:
            messages.error(request, str(error))
        else:
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
        try:
            services.stock_adjust(item=item, by=request.user, **form.cleaned_data)
        except services.StoreError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Adjustment recorded."))
            return redirect(item)
    movements = StockMovement.objects.filter(item=item).select_related("by")
    context = {"item": item, "form": form, "page_obj": _page(request, movements)}
    return render(request, "freestore/item_detail.html", context)


@require_GET_POST
@volunteer_required
@creates_once
def item_edit(request, pk=None):
    item = get_object_or_404(Item, pk=pk) if pk else None
    store, _stores = _chosen_store(request)
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


@require_GET_POST
@volunteer_required
@creates_once
def thing_edit(request, pk=None):
    thing = get_object_or_404(Thing, pk=pk) if pk else None
    form = ThingForm(request.POST or None, instance=thing)
    if request.method == "POST" and form.is_valid():
        thing = form.save()
        messages.success(request, _("Saved."))
        return redirect(thing)
    return render(request, "freestore/thing_form.html", {"form": form, "thing": thing})


@require_POST
@volunteer_required
def thing_status(request, pk):
    thing = get_object_or_404(Thing, pk=pk)
    status = request.POST.get("status")
    if status not in ThingStatus.values:
        messages.error(request, _("Choose a status."))
    else:
        _run(request, services.thing_set_status, _("Status changed."), thing=thing, status=status)
    return redirect(thing)


@require_GET_POST
@volunteer_required
@creates_once
def shift_create(request):
    form = ShiftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        shift = form.save()
        messages.success(request, _("Shift published."))
        return redirect(shift)
    return render(request, "freestore/shift_form.html", {"form": form})


@require_safe
@volunteer_required
def report(request):
    """Given away and received per category per month, as a chart and a table."""
    months = reports.months_back(timezone.localdate(), 6)
    totals = reports.monthly_totals(start=months[0])
    context = {
        "chart": reports.bar_chart(months=months, totals=totals),
        "export_form": MovementExportForm(
            initial={"start": months[0], "end": timezone.localdate()}
        ),
    }
    return render(request, "freestore/report_detail.html", context)


@require_safe
@volunteer_required
def movements_csv(request):
    today = timezone.localdate()
    form = MovementExportForm(
        request.GET or {"start": today - datetime.timedelta(days=30), "end": today}
    )
    if not form.is_valid():
        messages.error(request, _("Choose a start and end date for the export."))
        return redirect("freestore:report")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="movements-{start}-{end}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "when",
            "store",
            "item",
            "size",
            "category",
            "kind",
            "change",
            "reason",
            "note",
            "recorded by",
        ]
    )
    rows = StockMovement.objects.for_list().between(start, end).order_by("at", "pk")
    for m in rows.iterator(chunk_size=2000):
        writer.writerow(
            [
                timezone.localtime(m.at).isoformat(timespec="minutes"),
                m.item.store.name,
                csv_cell(m.item.name),
                csv_cell(m.item.size),
                str(m.item.category),
                m.kind,
                m.quantity,
                m.reason,
                csv_cell(m.note),
                csv_cell(m.by.display_name),
            ]
        )
    return response
