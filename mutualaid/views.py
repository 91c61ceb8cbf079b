"""Core pages: home, the neighbor's profile, and the friendly error pages."""

import sys

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import ProfileForm
from .middleware import database_unavailable_response, is_database_unavailable
from .sections import home_sections


def home(request):
    return render(request, "home.html", {"sections": home_sections(request)})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("home")
    return render(request, "profile_edit.html", {"form": form})


def privacy(request):
    return render(request, "privacy.html")


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    """A database that went away mid-request (even inside a middleware) is a 503, not a 500."""
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable_response()
    return HttpResponseServerError(loader.get_template("500.html").render())
