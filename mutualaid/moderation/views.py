"""Reporting and moderation pages: "Report this", the moderators' queue and report page,
restoring an item, lifting a suspension, and the moderation log."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mutualaid import roles
from mutualaid.permissions import role_required
from mutualaid.ratelimit import rate_limited
from mutualaid.refusals import refusal_shown

from . import services
from .forms import ModerationNoteForm, ReportDecisionForm, ReportForm
from .models import ModerationAction, Report, is_reportable


def _safe_next(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@rate_limited("report", "10/h")
def report_create(request, model_label, pk):
    """ "Report this" for any reportable item: `/report/needs.need/42/`."""
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError) as error:
        raise Http404 from error
    if not is_reportable(model):
        raise Http404
    # Only what the reporter can see may be reported; anything else shows nothing of it.
    target = get_object_or_404(model._default_manager.visible_to(request.user), pk=pk)
    fallback = target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"
    next_url = _safe_next(request, fallback)
    if target.hidden:
        messages.info(request, _("A moderator has already hidden this."))
        return redirect(next_url)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # "You already reported this" is news, not a mistake: it is shown as information.
        with refusal_shown(request, level=messages.INFO):
            services.report_create(reporter=request.user, target=target, **form.cleaned_data)
            messages.success(
                request,
                _("Thank you. A moderator will look at it, and we'll tell you what happened."),
            )
        return redirect(next_url)
    return render(
        request,
        "moderation/report_form.html",
        {"form": form, "target": target, "next": next_url},
    )


@require_safe
@role_required(roles.MODERATOR)
def moderation_queue(request):
    items = {}
    for report in Report.objects.for_queue():
        key = (report.content_type_id, report.object_id)
        entry = items.setdefault(key, {"first": report, "reports": [], "target": report.target})
        entry["reports"].append(report)
    suspended = get_user_model().objects.filter(suspended=True).order_by("display_name")
    return render(
        request,
        "moderation/queue.html",
        {"items": list(items.values()), "suspended": suspended, "note_form": ModerationNoteForm()},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(roles.MODERATOR)
def moderation_report(request, pk):
    report = get_object_or_404(
        Report.objects.select_related("content_type", "reporter", "resolved_by"), pk=pk
    )
    target = report.target
    form = ReportDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request):
            services.report_decide(report=report, by=request.user, **form.cleaned_data)
            messages.success(request, _("Done. The people who reported it will hear back."))
            return redirect("moderation_queue")
    if request.method == "GET" and target is not None and report.status == Report.Status.OPEN:
        services.reported_item_read(target=target, by=request.user)
    author = services.author_of(target)
    reports = (
        Report.objects.filter(content_type=report.content_type, object_id=report.object_id)
        .select_related("reporter")
        .order_by("-created_at")
    )
    history = (
        ModerationAction.objects.filter(target_user=author).select_related("moderator")[:10]
        if author
        else []
    )
    return render(
        request,
        "moderation/report_detail.html",
        {
            "report": report,
            "target": target,
            "author": author,
            "reports": reports,
            "history": history,
            "form": form,
            "note_form": ModerationNoteForm(),
        },
    )


@require_POST
@role_required(roles.MODERATOR)
def moderation_restore(request, pk):
    report = get_object_or_404(Report, pk=pk)
    if report.target is None:
        raise Http404
    form = ModerationNoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    with refusal_shown(request):
        services.item_restore(target=report.target, by=request.user, note=note)
        messages.success(request, _("The item is visible again."))
    return redirect("moderation_report", pk=report.pk)


@require_POST
@role_required(roles.MODERATOR)
def moderation_unsuspend(request, pk):
    neighbor = get_object_or_404(get_user_model(), pk=pk)
    form = ModerationNoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    with refusal_shown(request):
        services.account_unsuspend(user=neighbor, by=request.user, note=note)
        messages.success(request, _("The suspension is lifted; they can log in again."))
    return redirect(_safe_next(request, reverse("moderation_queue")))


@require_safe
@role_required(roles.MODERATOR, roles.ORGANIZER)
def moderation_log(request):
    actions = ModerationAction.objects.select_related("moderator", "target_user")
    page = Paginator(actions, 50).get_page(request.GET.get("page"))
    return render(request, "moderation/log.html", {"page": page})
