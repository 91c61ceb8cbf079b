"""Core pages: home, the neighbor's profile, the neighbor's own data, and the friendly error
pages."""

import json
import logging
import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_http_methods, require_safe

from . import services
from .forms import AccountDeleteForm, ProfileForm
from .middleware import database_unavailable_response, is_database_unavailable
from .moderation.models import ModerationAction
from .ratelimit import rate_limited
from .refusals import refusal_shown
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
            with refusal_shown(request) as refused:
                services.account_forget(user=request.user)
        except Exception:
            logger.exception("Deleting account %s failed", request.user.pk)
            messages.error(
                request, _("We couldn't delete your account just now. Nothing was changed.")
            )
        else:
            if not refused:
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
