"""What every store page leans on: who is a store volunteer, which store a screen is about,
the page size, and a service call whose refusal is shown as a message."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.views.decorators.http import require_http_methods

from mutualaid import roles
from mutualaid.permissions import role_required
from mutualaid.refusals import refusal_shown

from ..models import Store

PAGE_SIZE = 30
volunteer_required = role_required(roles.STORE_VOLUNTEER)
require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])
# What fits one printed page in large type; the QR code opens the rest.
POSTER_MAX = 12


def page_of(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def is_store_volunteer(user) -> bool:
    return user.is_authenticated and user.has_role(roles.STORE_VOLUNTEER)


def chosen_store(request):
    stores = list(Store.objects.all())
    if not stores:
        return None, stores
    slug = request.GET.get("store") or request.POST.get("store")
    chosen = next((s for s in stores if s.slug == slug), stores[0])
    return chosen, stores


def service_run(request, action, success: str, **kwargs):
    """Call a service; show its refusal as a message. Returns the result or None."""
    with refusal_shown(request):
        result = action(**kwargs)
        messages.success(request, success)
        return result if result is not None else True
    return None
