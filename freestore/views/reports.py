"""The store's report page and the ledger export."""

import datetime

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .. import reports
from ..forms import MovementExportForm
from .base import volunteer_required


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
    reports.ledger_csv_write(response, start=start, end=end)
    return response
