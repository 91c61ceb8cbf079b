"""The lending shelf: what can be borrowed, the queue for it, loans and their returns."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from mutualaid.double_submit import creates_once

from .. import services
from ..forms import BorrowForm, ThingForm
from ..models import Hold, Loan, Thing, ThingStatus
from ..selectors import thing_queue_place
from .base import is_store_volunteer, page_of, require_GET_POST, service_run, volunteer_required


@require_safe
def shelf(request):
    """The lending shelf: what can be borrowed and what is out."""
    context = {"page_obj": page_of(request, Thing.objects.for_list())}
    return render(request, "freestore/thing_list.html", context)


@require_safe
def thing_detail(request, pk):
    thing = get_object_or_404(Thing.objects.for_list(), pk=pk)
    user = request.user
    open_loan = thing.loans.open().select_related("borrower").first()
    place = thing_queue_place(thing=thing, user=user)
    context = {
        "thing": thing,
        "my_loan": open_loan if open_loan and open_loan.borrower_id == user.pk else None,
        "open_loan": open_loan if is_store_volunteer(user) else None,
        "queue_length": place.length,
        "my_hold": place.my_hold,
        "my_place": place.my_place,
        "held_for_me": place.held_for_me,
        "held_until": place.held_until,
        "can_borrow": place.can_borrow,
        "borrow_form": BorrowForm(initial={"due_on": _default_due(thing)}),
        "is_store_volunteer": is_store_volunteer(user),
        "statuses": [
            (value, label) for value, label in ThingStatus.choices if value != ThingStatus.ON_LOAN
        ],
    }
    return render(request, "freestore/thing_detail.html", context)


def _default_due(thing):
    return timezone.localdate() + datetime.timedelta(days=thing.loan_days)


@require_POST
@login_required
def thing_borrow(request, pk):
    thing = get_object_or_404(Thing, pk=pk)
    form = BorrowForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("due_on", []):
            messages.error(request, error)
        return redirect(thing)
    service_run(
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
    service_run(
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
    hold = get_object_or_404(Hold.objects.open(), pk=pk, neighbor=request.user)
    service_run(request, services.hold_cancel, _("You left the queue."), hold=hold)
    return redirect(hold.thing)


def _loan_for(request, pk):
    """The borrower's own loan; store volunteers may handle any loan."""
    loans = Loan.objects.select_related("thing")
    if is_store_volunteer(request.user):
        return get_object_or_404(loans, pk=pk)
    return get_object_or_404(loans, pk=pk, borrower=request.user)


@require_POST
@login_required
def loan_return(request, pk):
    loan = _loan_for(request, pk)
    service_run(request, services.loan_return, _("Thanks for bringing it back!"), loan=loan)
    return redirect(request.POST.get("next") == "loans" and "freestore:loans" or loan.thing)


@require_POST
@login_required
def loan_renew(request, pk):
    loan = _loan_for(request, pk)
    service_run(request, services.loan_renew, _("Renewed. Keep it a bit longer."), loan=loan)
    return redirect("freestore:loans")


@require_safe
@login_required
def loans(request):
    """My loans and my places in queues. A borrower only ever sees their own."""
    context = {
        "page_obj": page_of(request, Loan.objects.for_list().filter(borrower=request.user)),
        "holds": Hold.objects.open()
        .filter(neighbor=request.user)
        .select_related("thing")
        .order_by("created_at"),
    }
    return render(request, "freestore/loan_list.html", context)


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
        service_run(
            request, services.thing_set_status, _("Status changed."), thing=thing, status=status
        )
    return redirect(thing)
