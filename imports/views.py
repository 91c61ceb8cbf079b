"""Import pages: upload a sheet, check its columns and the preview, confirm, watch the
progress, undo. The run's page serves its progress as a fragment for htmx to poll; without
JavaScript a reload shows the same."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRefresh

from mutualaid.htmx import render_page_or_fragment, wants_fragment
from mutualaid.permissions import role_required
from mutualaid.refusals import refusal_shown

from . import columns as c
from .forms import MappingForm, UploadForm
from .models import IMPORT_ROLES, ImportRun
from .rows import problem_text
from .services import (
    checker_for,
    import_confirm,
    import_map,
    import_undo,
    import_upload,
    max_bytes,
)

importers_only = role_required(*IMPORT_ROLES)
SAMPLES = 3
REFUSALS_SHOWN = 200


@require_http_methods(["GET", "HEAD", "POST"])
@importers_only
def index(request):
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with refusal_shown(request, form=form, field="file"):
            # A file too big is refused before it is read into memory.
            data = upload.read(max_bytes() + 1)
            run = import_upload(
                by=request.user,
                file_name=upload.name,
                data=data,
                kind=form.cleaned_data["kind"],
                store=form.cleaned_data.get("store"),
                volunteer=form.cleaned_data.get("volunteer_user"),
            )
            messages.success(
                request, _("Read %(n)d rows. Check what each column is.") % {"n": run.total}
            )
            return redirect(run)
    runs = ImportRun.objects.visible_to(request.user).for_list()[:50]
    return render(request, "imports/importrun_list.html", {"form": form, "runs": runs})


def _run_for(request, pk) -> ImportRun:
    return get_object_or_404(ImportRun.objects.visible_to(request.user).for_list(), pk=pk)


def _columns(run, checker, form):
    """Each column's header, a few of its cells (never a private column's) and its choice."""
    private = {name for name, target in c.targets_for(run.kind).items() if target.private}
    shown = []
    for index, field in enumerate(form.column_fields()):
        target = run.columns.get(str(index), "")
        cells = [row[index] for row in checker.table.rows if index < len(row) and row[index]]
        shown.append(
            {
                "field": field,
                "private": target in private,
                "samples": [] if target in private else cells[:SAMPLES],
            }
        )
    return shown


@require_safe
@importers_only
def detail(request, pk):
    run = ImportRun.objects.visible_to(request.user).select_related("by", "store", "volunteer")
    run = get_object_or_404(run, pk=pk)
    if wants_fragment(request) and not run.is_working:
        # The import finished while the page was polling: show the whole page again.
        return HttpResponseClientRefresh()
    return render_page_or_fragment(
        request, "imports/importrun_detail.html", "progress", _context(request, run)
    )


def _context(request, run, form=None):
    context = {"run": run, "may_change": run.may_change(request.user)}
    if run.is_working:
        return context
    if run.table is not None and context["may_change"] and run.status != run.Status.DONE:
        checker = checker_for(run)
        form = form or MappingForm(
            run=run, headers=checker.table.headers, unknown=checker.unknown_values()
        )
        context.update(form=form, columns=_columns(run, checker, form))
    context["refusals"] = [
        {
            "row": refusal["row"],
            "reasons": [problem_text(*problem) for problem in refusal["problems"]],
        }
        for refusal in run.refusals[:REFUSALS_SHOWN]
    ]
    if run.status in (run.Status.DONE, run.Status.UNDONE):
        made = run.rows.prefetch_related("made")[:20]
        context["made"] = [row.made for row in made if row.made is not None]
        context["may_undo"] = run.can_be_undone and run.may_undo(request.user)
    return context


@require_POST
@importers_only
def mapping(request, pk):
    run = _run_for(request, pk)
    if run.table is None or not run.may_change(request.user):
        messages.error(request, _("This import can't be changed any more."))
        return redirect(run)
    checker = checker_for(run)
    form = MappingForm(
        request.POST, run=run, headers=checker.table.headers, unknown=checker.unknown_values()
    )
    if not form.is_valid():
        messages.error(request, _("Some choices weren't understood. Please choose again."))
        return render(request, "imports/importrun_detail.html", _context(request, run, form))
    columns, values = form.mapping()
    with refusal_shown(request):
        import_map(run=run, by=request.user, columns=columns, values=values)
    return redirect(run)


@require_POST
@importers_only
def confirm(request, pk):
    run = _run_for(request, pk)
    with refusal_shown(request):
        run = import_confirm(run=run, by=request.user)
        messages.success(request, _("Importing. This page shows how far it got."))
    return redirect(run)


@require_POST
@importers_only
def undo(request, pk):
    run = _run_for(request, pk)
    with refusal_shown(request):
        run = import_undo(run=run, by=request.user)
        done = _("Undone: what this import made is withdrawn, and the ledger says so.")
        if run.kept_when_undone:
            done += " " + _(
                "%(n)d posts were left as they are because neighbors already answered them."
            ) % {"n": run.kept_when_undone}
        messages.success(request, done)
    return redirect(run)
