"""The inbox pages: the list, opening one notice, marking all read, and the header's count."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import services
from .display import with_subjects
from .forms import NoticeSettingsForm
from .models import Notice
from .unread import unread_count

PAGE_SIZE = 30


@login_required
@require_safe
def inbox(request):
    notices = Notice.objects.visible_to(request.user).for_list()
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_subjects(page.object_list, reader=request.user)
    context = {"page_obj": page, "unread": unread_count(request)}
    return render(request, "inbox/inbox.html", context)


@login_required
@require_safe
def notice_open(request, pk):
    """Opening a notice reads it and goes to its page, as opening a letter does: a plain
    link, so it works in a new tab and without JavaScript."""
    notice = get_object_or_404(Notice.objects.visible_to(request.user), pk=pk)
    services.notice_open(notice=notice, by=request.user)
    [notice] = with_subjects([notice], reader=request.user)
    if notice.subject is None:
        messages.info(request, _("That is no longer here."))
        return redirect("inbox:list")
    return redirect(notice.subject)


@login_required
@require_POST
def read_all(request):
    services.notices_read_all(by=request.user)
    messages.success(request, _("Everything in your inbox is marked as read."))
    return redirect("inbox:list")


@require_safe
def header_count(request):
    """The header's link with its count, polled by htmx while a page is open: one query."""
    return render(request, "inbox/header_link.html", {"polled": True})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def notice_settings(request):
    """How I am told: per group of notices, by email at once, in one email a day, or only
    here. A plain form, so it works without JavaScript."""
    instance = services.notice_settings_of(request.user)
    form = NoticeSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your choices are saved."))
        return redirect("inbox:settings")
    context = {"form": form, "email_off": not request.user.email_notifications}
    return render(request, "inbox/notice_settings.html", context)
