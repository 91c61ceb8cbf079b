"""Pages of the meetings app. Everything published is readable without an account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mutualaid import shared_cache
from mutualaid.double_submit import creates_once
from mutualaid.htmx import (
    login_redirect,
    render_page_or_fragment,
    render_shared_for_visitors,
    wants_fragment,
)
from mutualaid.permissions import role_required
from mutualaid.posters import poster_render
from mutualaid.ratelimit import rate_limited
from mutualaid.refusals import Refusal, refusal_shown
from mutualaid.roles import ORGANIZER

from . import calendar, services
from .forms import (
    ActionItemForm,
    AgendaItemForm,
    DecisionRecordForm,
    DecisionSearchForm,
    DeclineForm,
    ItemMinutesFormSet,
    MeetingForm,
    MinutesForm,
    PollAnswerForm,
    ProposalForm,
    RsvpForm,
)
from .models import (
    POLL_HINTS,
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    PollAnswer,
    explained,
)
from .selectors import meeting_agenda, meeting_rsvp_summary

PAST_PER_PAGE = 20
DECISIONS_PER_PAGE = 20


def _visible_meeting(request, pk) -> Meeting:
    """A meeting the person may see: drafts are 404 to anyone but organizers."""
    return get_object_or_404(Meeting.objects.visible_to(request.user).select_related("area"), pk=pk)


def _item(pk) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)


# ---------------------------------------------------------------- meetings


@require_safe
def meeting_list(request):
    def context():
        now = timezone.now()
        meetings = Meeting.objects.visible_to(request.user).for_list()
        past = Paginator(meetings.past(now), PAST_PER_PAGE).get_page(request.GET.get("page"))
        return {
            "upcoming": list(meetings.upcoming(now)),
            "past_page": past,
            "is_organizer": services.is_organizer(request.user),
        }

    # A meeting that has just ended may show as upcoming for up to SHARED_CACHE_SECONDS more.
    return render_shared_for_visitors(
        request, "meetings/meeting_list.html", context, topic=shared_cache.MEETINGS
    )


@require_safe
def meeting_detail(request, pk):
    if request.user.is_authenticated:
        meeting = _visible_meeting(request, pk)
    else:
        # What a visitor reads of a meeting is the same for every visitor.
        meeting = shared_cache.remembered(
            shared_cache.MEETINGS,
            ("meeting for visitors", pk),
            lambda: (
                Meeting.objects.visible_to(request.user)
                .select_related("area")
                .filter(pk=pk)
                .first()
            ),
        )
        if meeting is None:
            raise Http404

    def context():
        context = {
            **meeting_rsvp_summary(meeting=meeting, user=request.user),
            **meeting_agenda(meeting=meeting, user=request.user),
            "organizers": meeting.organizers.order_by("display_name"),
            "decisions": meeting.decisions.select_related("item").order_by("pk"),
            "action_items": meeting.action_items.select_related("decision").order_by("due", "pk"),
            "can_propose": meeting.status == Meeting.Status.PUBLISHED and meeting.is_upcoming,
        }
        if services.is_organizer(request.user):
            context["proposals"] = meeting.items.proposed().select_related("proposed_by")
        if request.user.is_authenticated:
            context["my_proposals"] = meeting.items.filter(proposed_by=request.user).exclude(
                status=AgendaItem.Status.ACCEPTED
            )
        return context

    return render_shared_for_visitors(
        request,
        "meetings/meeting_detail.html",
        context,
        topic=shared_cache.MEETINGS,
        page={"meeting": meeting},
    )


# Agenda items a meeting notice names; the rest is on the meeting's page.
POSTER_ITEMS = 6


@require_safe
def meeting_poster(request, pk):
    """A meeting notice to print: when, where, access, what is on the agenda, and a QR code.

    Meetings are public, so the notice shows what a visitor without an account may read: a
    draft is not found.
    """
    anyone = AnonymousUser()
    meeting = get_object_or_404(Meeting.objects.visible_to(anyone).select_related("area"), pk=pk)
    items = AgendaItem.objects.visible_to(anyone).filter(meeting=meeting).order_by("position", "pk")
    url = meeting.get_absolute_url()
    context = {"meeting": meeting, "items": list(items[:POSTER_ITEMS])}
    return poster_render(
        request, "meetings/meeting_poster.html", context, qr_path=url, back_url=url
    )


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(ORGANIZER)
@creates_once
def meeting_create(request):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organizers = data.pop("organizers", [])
        meeting = services.meeting_create(by=request.user, **data)
        meeting.organizers.add(*organizers)
        messages.success(request, _("Draft saved. Add the agenda, then publish it."))
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(ORGANIZER)
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            meeting.organizers.add(request.user)
        messages.success(request, _("The meeting is saved."))
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@require_POST
@role_required(ORGANIZER)
def meeting_status(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    status = request.POST.get("status", "")
    with refusal_shown(request):
        services.meeting_set_status(meeting=meeting, status=status, by=request.user)
        done = {
            Meeting.Status.PUBLISHED: _("The meeting is published. Anyone can see it now."),
            Meeting.Status.HELD: _("The meeting is marked as held. Record the minutes below."),
            Meeting.Status.CANCELLED: _(
                "The meeting is cancelled. It stays listed so people know."
            ),
        }
        messages.success(request, done.get(status, _("Saved.")))
        if status == Meeting.Status.HELD:
            return redirect("meetings:minutes", pk=meeting.pk)
    return redirect(meeting)


# ---------------------------------------------------------------- RSVP


@require_POST
def rsvp(request, pk):
    meeting = _visible_meeting(request, pk)
    if not request.user.is_authenticated:
        return login_redirect(request, meeting.get_absolute_url())
    form = RsvpForm(request.POST)
    # The live form shows a refusal beside the answers; a plain form gets it as a message.
    fragment = wants_fragment(request)
    with refusal_shown(request, inline=fragment) as refused:
        if not form.is_valid():
            raise Refusal(_("Please choose going, maybe or not going."))
        services.rsvp_set(meeting=meeting, person=request.user, answer=form.cleaned_data["answer"])
        if not fragment:
            messages.success(request, _("Thanks, your answer is saved."))
    if fragment:
        context = {**meeting_rsvp_summary(meeting=meeting, user=request.user)}
        context.update(rsvp_error=refused.message, rsvp_saved=not refused)
        return render_page_or_fragment(request, "meetings/meeting_detail.html", "rsvp", context)
    return redirect(f"{meeting.get_absolute_url()}#rsvp")


# ---------------------------------------------------------------- agenda


def _agenda_item_page(request, form, meeting, *, heading: str, item=None):
    """The one form for adding, editing and proposing an agenda item."""
    context = {"form": form, "meeting": meeting, "heading": heading}
    if item is not None:
        context["item"] = item
    return render(request, "meetings/agenda_item_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(ORGANIZER)
@creates_once
def item_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request):
            services.agenda_item_add(meeting=meeting, by=request.user, **form.cleaned_data)
            messages.success(request, _("The item is on the agenda."))
            return redirect(f"{meeting.get_absolute_url()}#agenda")
    return _agenda_item_page(request, form, meeting, heading=_("Add an agenda item"))


@require_POST
@role_required(ORGANIZER)
def item_add_unmet_needs(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    with refusal_shown(request):
        services.agenda_item_add_unmet_needs(meeting=meeting, by=request.user)
        messages.success(request, _("The unmet needs item is on the agenda."))
    return redirect(f"{meeting.get_absolute_url()}#agenda")


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(ORGANIZER)
def item_edit(request, item_pk):
    item = _item(item_pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        if request.POST.get("refresh_snapshot") and item.kind == AgendaItem.Kind.UNMET_NEEDS:
            services.agenda_item_refresh_snapshot(item=item, by=request.user)
        messages.success(request, _("The item is saved."))
        return redirect(f"{item.meeting.get_absolute_url()}#item-{item.pk}")
    return _agenda_item_page(request, form, item.meeting, heading=_("Edit agenda item"), item=item)


@require_POST
@role_required(ORGANIZER)
def item_move(request, item_pk):
    item = _item(item_pk)
    fragment = wants_fragment(request)
    with refusal_shown(request, inline=fragment) as refused:
        services.agenda_item_move(
            item=item, direction=request.POST.get("direction", ""), by=request.user
        )
        if not fragment:
            messages.success(request, _("The agenda order is saved."))
    if fragment:
        context = {**meeting_agenda(meeting=item.meeting, user=request.user)}
        context.update(moved_pk=item.pk, move_error=refused.message)
        return render_page_or_fragment(request, "meetings/meeting_detail.html", "agenda", context)
    return redirect(f"{item.meeting.get_absolute_url()}#item-{item.pk}")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@rate_limited("propose", "10/h")
@creates_once
def item_propose(request, pk):
    meeting = _visible_meeting(request, pk)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request):
            services.agenda_item_propose(meeting=meeting, by=request.user, **form.cleaned_data)
            messages.success(
                request,
                _("Thanks! The organizers will look at your proposal and let you know."),
            )
            return redirect(meeting)
    return _agenda_item_page(request, form, meeting, heading=_("Propose an agenda item"))


@require_POST
@role_required(ORGANIZER)
def item_accept(request, item_pk):
    item = _item(item_pk)
    with refusal_shown(request):
        services.agenda_item_accept(item=item, by=request.user)
        messages.success(request, _("Accepted. It is at the end of the agenda now."))
    return redirect(f"{item.meeting.get_absolute_url()}#agenda")


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(ORGANIZER)
def item_decline(request, item_pk):
    item = _item(item_pk)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request):
            services.agenda_item_decline(
                item=item, by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("Declined. The neighbor who proposed it will see why."))
        return redirect(item.meeting)
    return render(request, "meetings/agenda_item_decline.html", {"form": form, "item": item})


# ---------------------------------------------------------------- consent poll


def _poll_context(request, item: AgendaItem, **extra) -> dict:
    tally = services.poll_tally(item)
    my_answer = None
    if request.user.is_authenticated:
        my_answer = item.poll_answers.filter(person=request.user).first()
    item.tally = tally
    item.my_answer = my_answer
    item.block_reasons = list(item.poll_answers.block_reasons().values_list("reason", flat=True))
    form = extra.pop("form", None)
    if form is not None:
        # Keep what the person chose and wrote, so nothing is lost on an error.
        item.form_answer = form.data.get("answer", "")
        item.form_reason = form.data.get("reason", "")
        extra["poll_errors"] = [error for errors in form.errors.values() for error in errors]
    return {
        "item": item,
        "meeting": item.meeting,
        "answer_choices": explained(PollAnswer.Answer.choices, POLL_HINTS),
        **extra,
    }


@require_http_methods(["GET", "HEAD", "POST"])
def poll(request, item_pk):
    item = _item(item_pk)
    if item.meeting.is_draft and not services.is_organizer(request.user):
        raise Http404
    if not item.is_proposal or item.status != AgendaItem.Status.ACCEPTED:
        raise Http404
    if request.method != "POST":
        fragment = "tally" if request.GET.get("part") == "tally" else "poll"
        return render_page_or_fragment(
            request, "meetings/poll_detail.html", fragment, _poll_context(request, item)
        )
    if not request.user.is_authenticated:
        return login_redirect(request, reverse("meetings:poll", args=[item.pk]))
    form = PollAnswerForm(request.POST)
    if form.is_valid():
        with refusal_shown(request, form=form):
            services.poll_answer_set(
                item=item,
                person=request.user,
                answer=form.cleaned_data["answer"],
                reason=form.cleaned_data["reason"],
            )
    if form.errors:
        context = _poll_context(request, item, form=form)
        return render_page_or_fragment(request, "meetings/poll_detail.html", "poll", context)
    if wants_fragment(request):
        context = _poll_context(request, item, poll_saved=True)
        return render_page_or_fragment(request, "meetings/poll_detail.html", "poll", context)
    messages.success(request, _("Thanks, your answer is counted."))
    return redirect(f"{item.meeting.get_absolute_url()}#item-{item.pk}")


# ---------------------------------------------------------------- minutes and decisions


def _minutes_page(request, meeting: Meeting, *, form, formset, action_form):
    """The minutes screen, from the forms the view has (bound when they carry errors)."""
    context = {
        "meeting": meeting,
        "form": form,
        "formset": formset,
        "action_form": action_form,
        "action_items": meeting.action_items.select_related("decision").order_by("due", "pk"),
    }
    return render(request, "meetings/minutes_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(ORGANIZER)
def minutes_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if meeting.is_draft:
        messages.error(request, _("Publish the meeting before recording minutes."))
        return redirect(meeting)
    form = MinutesForm(request.POST or None, instance=meeting, prefix="meeting")
    formset = ItemMinutesFormSet(
        request.POST or None, queryset=meeting.items.for_minutes(), prefix="items"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            form.save()
            formset.save()
        messages.success(request, _("The minutes are saved."))
        return redirect(f"{meeting.get_absolute_url()}#minutes")
    return _minutes_page(
        request, meeting, form=form, formset=formset, action_form=ActionItemForm(meeting=meeting)
    )


@require_http_methods(["GET", "HEAD", "POST"])
@role_required(ORGANIZER)
def decision_record(request, item_pk):
    item = _item(item_pk)
    form = DecisionRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request, form=form):
            services.decision_record(
                item=item,
                by=request.user,
                text=form.cleaned_data["text"],
                outcome=form.cleaned_data["outcome"],
            )
            messages.success(request, _("The decision is recorded and the poll is closed."))
            return redirect("meetings:minutes", pk=item.meeting_id)
    return render(
        request,
        "meetings/decision_form.html",
        {"form": form, "item": item, "meeting": item.meeting, "tally": services.poll_tally(item)},
    )


@require_POST
@role_required(ORGANIZER)
@creates_once
def action_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = ActionItemForm(request.POST, meeting=meeting)
    if form.is_valid():
        with refusal_shown(request):
            services.action_item_add(meeting=meeting, by=request.user, **form.cleaned_data)
            messages.success(request, _("The action item is added."))
            return redirect(f"{reverse('meetings:minutes', args=[meeting.pk])}#actions")
    return _minutes_page(
        request,
        meeting,
        form=MinutesForm(instance=meeting, prefix="meeting"),
        formset=ItemMinutesFormSet(queryset=meeting.items.for_minutes(), prefix="items"),
        action_form=form,
    )


@require_POST
@role_required(ORGANIZER)
def action_done(request, action_pk):
    action = get_object_or_404(ActionItem, pk=action_pk)
    services.action_item_set_done(
        action=action, done=request.POST.get("done") == "1", by=request.user
    )
    messages.success(request, _("The action item is updated."))
    next_url = request.POST.get("next", "")
    if next_url == "log":
        return redirect(f"{reverse('meetings:decisions')}#actions")
    return redirect(f"{reverse('meetings:minutes', args=[action.meeting_id])}#actions")


# ---------------------------------------------------------------- public decision log


@require_safe
def decision_list(request):
    def context():
        form = DecisionSearchForm(request.GET or None)
        decisions = form.filter(Decision.objects.public())
        return {
            "form": form,
            "page": Paginator(decisions, DECISIONS_PER_PAGE).get_page(request.GET.get("page")),
            "searching": any(request.GET.get(key) for key in ("q", "outcome", "since", "until")),
            "open_actions": ActionItem.objects.public().open().for_list(),
            "is_organizer": services.is_organizer(request.user),
        }

    return render_shared_for_visitors(
        request,
        "meetings/decision_list.html",
        context,
        topic=shared_cache.MEETINGS,
        fragment="results",
    )


# ---------------------------------------------------------------- calendar


@require_safe
def meeting_ics(request, pk):
    meeting = _visible_meeting(request, pk)
    body = calendar.meetings_to_ical([meeting], request=request, name=meeting.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@require_safe
def calendar_feed(request):
    meetings = Meeting.objects.for_calendar().upcoming()
    body = calendar.meetings_to_ical(meetings, request=request, name=_("Open meetings"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
