"""Store shifts: the list, a shift's page and day sheet, signing up and publishing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from mutualaid.double_submit import creates_once

from .. import services
from ..forms import ShiftForm
from ..models import Item, Shift
from .base import is_store_volunteer, page_of, require_GET_POST, service_run, volunteer_required


@require_safe
def shifts(request):
    upcoming = Shift.objects.upcoming().for_list().with_signup_of(request.user)
    context = {
        "page_obj": page_of(request, upcoming),
        "is_store_volunteer": is_store_volunteer(request.user),
    }
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
    service_run(
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
    service_run(
        request,
        services.shift_cancel,
        _("You're off the shift. Thanks for telling us."),
        shift=shift,
        volunteer=request.user,
    )
    return redirect(shift)


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
