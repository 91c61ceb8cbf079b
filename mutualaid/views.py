"""Core pages: home, the neighbor's profile, reporting and the moderators' queue, the
neighbor's own data, and the friendly error pages."""

import json
import logging
import sys

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from . import roles, services
from .forms import AccountDeleteForm, DecisionForm, ModerationNoteForm, ProfileForm, ReportForm
from .middleware import database_unavailable_response, is_database_unavailable
from .models import ModerationAction, Report, is_reportable
from .permissions import role_required
from .ratelimit import rate_limited
from .sections import home_sections

logger = logging.getLogger(__name__)


@require_safe
def home(request):
    return render(request, "home.html", {"sections": home_sections(request)})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)
        messages.success(request, _("Your profile is saved."))
        response = redirect("home")
        _remember_language_cookie(response, user.language)
        return response
    return render(request, "profile_edit.html", {"form": form})


def _remember_language_cookie(response, code: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def language_set(request):
    """The footer's language switch (Django's `set_language`); a neighbor who is logged in
    keeps the choice on their account, so the hub's emails follow it too."""
    response = i18n.set_language(request)
    code = request.POST.get("language", "") if request.method == "POST" else ""
    user = request.user
    if user.is_authenticated and code in dict(settings.LANGUAGES) and user.language != code:
        user.language = code
        user.save(update_fields=["language"])
    return response


@require_safe
def privacy(request):
    return render(request, "privacy.html")


# --- Reporting and moderation ----------------------------------------------------------------


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
        try:
            services.report_create(reporter=request.user, target=target, **form.cleaned_data)
        except services.ModerationError as error:
            messages.info(request, str(error))
        else:
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
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_decide(report=report, by=request.user, **form.cleaned_data)
        except services.ModerationError as error:
            messages.error(request, str(error))
        else:
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
    try:
        services.item_restore(target=report.target, by=request.user, note=note)
    except services.ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The item is visible again."))
    return redirect("moderation_report", pk=report.pk)


@require_POST
@role_required(roles.MODERATOR)
def moderation_unsuspend(request, pk):
    neighbor = get_object_or_404(get_user_model(), pk=pk)
    form = ModerationNoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.account_unsuspend(user=neighbor, by=request.user, note=note)
    except services.ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The suspension is lifted; they can log in again."))
    return redirect(_safe_next(request, reverse("moderation_queue")))


@require_safe
@role_required(roles.MODERATOR, roles.ORGANIZER)
def moderation_log(request):
    actions = ModerationAction.objects.select_related("moderator", "target_user")
    page = Paginator(actions, 50).get_page(request.GET.get("page"))
    return render(request, "moderation/log.html", {"page": page})


# --- My data ---------------------------------------------------------------------------------


@require_safe
@login_required
def my_data(request):
    reports = request.user.reports_made.select_related("content_type")
    about_me = ModerationAction.objects.visible_to(request.user).filter(
        target_user=request.user,
        action__in=[ModerationAction.Kind.HIDE, ModerationAction.Kind.RESTORE],
    )
    return render(request, "mydata/my_data.html", {"reports": reports, "about_me": about_me})


@require_safe
@login_required
def my_data_download(request):
    data = services.account_export(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response  # kept out of every cache by PrivateCacheMiddleware


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@rate_limited("reauthenticate", "5/15m")
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_forget(user=request.user)
        except services.AccountError as error:
            messages.error(request, str(error))
        except Exception:
            logger.exception("Deleting account %s failed", request.user.pk)
            messages.error(
                request, _("We couldn't delete your account just now. Nothing was changed.")
            )
        else:
            logout(request)
            messages.success(
                request, _("Your account is deleted. Thank you for being part of the hub.")
            )
            return redirect("home")
    return render(request, "mydata/account_delete.html", {"form": form})


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    """A database that went away mid-request (even inside a middleware) is a 503, not a 500."""
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable_response()
    return HttpResponseServerError(loader.get_template("500.html").render())
