"""Connecting two neighbors: matches move proposed → accepted → completed (or declined /
cancelled), and the need and offer statuses follow. Every function locks what it changes."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from inbox.models import Notice
from inbox.services import email_at_once, notice_message, notice_send
from mutualaid.notify import email_neighbor
from mutualaid.refusals import Refusal
from offers.models import Offer

from .models import Match, Message, Need


class MatchError(Refusal):
    """A match action that can't happen; the message tells the neighbor why, plainly."""


def _notify(*, user, kind, subject, template, context):
    """The email beside a notice, when the neighbor wants that kind at once (otherwise it
    waits for the daily summary, or stays in the inbox)."""
    if email_at_once(recipient=user, kind=kind):
        email_neighbor(user=user, subject=subject, template=template, context=context)


def match_propose(*, by, need: Need | None = None, offer: Offer | None = None, message=""):
    """`by` asks about an offer or offers help with a need; the other neighbor answers."""
    if need is None and offer is None:
        raise MatchError(_("Choose a need or an offer first."))
    try:
        with transaction.atomic():
            if offer is not None:
                offer = Offer.objects.select_for_update().get(pk=offer.pk)
            if need is not None:
                need = Need.objects.select_for_update().get(pk=need.pk)
            if offer is not None and offer.owner_id != by.pk:
                recipient = offer.owner
                if need is not None and need.owner_id != by.pk:
                    raise MatchError(_("You can only ask with a need of your own."))
            elif need is not None and need.owner_id != by.pk:
                recipient = need.owner
            else:
                raise MatchError(_("That's your own post, so there is nobody to ask."))

            # A post a moderator hid can't be asked about, whatever link or form points at it.
            if need is not None and (need.hidden or not need.is_open):
                raise MatchError(_("This need is no longer open."))
            if offer is not None:
                if offer.status == Offer.Status.SPOKEN_FOR:
                    raise MatchError(
                        _(
                            "Another neighbor asked for this a moment before you, so it's "
                            "spoken for. If it falls through it will open again."
                        )
                    )
                if offer.hidden or not offer.is_open:
                    raise MatchError(_("This offer is no longer available."))
            duplicate = Match.objects.active().filter(
                requester=by, need=need, offer=offer, recipient=recipient
            )
            if duplicate.exists():
                raise MatchError(_("You already asked about this. See it under Mine."))

            holds = offer is not None and not offer.ongoing
            match = Match.objects.create(
                need=need,
                offer=offer,
                requester=by,
                recipient=recipient,
                holds_offer=holds,
            )
            if offer is not None and holds:
                offer.status = Offer.Status.SPOKEN_FOR
                offer.save(update_fields=["status", "updated"])
            if message.strip():
                Message.objects.create(match=match, author=by, body=message.strip())
            notice_send(recipient=recipient, kind=Notice.Kind.ASKED, about=match, actor=by)
    except IntegrityError as error:
        # The unique constraint backs up the lock: one holder per single offer.
        raise MatchError(_("Another neighbor asked for this a moment before you.")) from error
    _notify(
        user=recipient,
        kind=Notice.Kind.ASKED,
        subject=lambda: (
            _("%(name)s asked about “%(title)s”") % {"name": by, "title": match.subject}
        ),
        template="needs/email/match_proposed.txt",
        context={"match": match, "by": by},
    )
    return match


def _lock_match(match) -> Match:
    return (
        Match.objects.select_for_update(of=("self",))
        .select_related("need", "offer", "requester", "recipient")
        .get(pk=match.pk)
    )


def _release_offer(match: Match):
    if match.offer_id and match.holds_offer:
        offer = Offer.objects.select_for_update().get(pk=match.offer_id)
        match.holds_offer = False
        if offer.status in (Offer.Status.SPOKEN_FOR, Offer.Status.TAKEN):
            offer.status = Offer.Status.OPEN
            offer.save(update_fields=["status", "updated"])


def _reopen_need(match: Match):
    if match.need_id:
        need = Need.objects.select_for_update().get(pk=match.need_id)
        others = Match.objects.filter(need=need, status=Match.Status.ACCEPTED).exclude(pk=match.pk)
        if need.status == Need.Status.IN_PROGRESS and not others.exists():
            need.status = Need.Status.OPEN
            need.save(update_fields=["status", "updated"])


def match_accept(*, match, by) -> Match:
    with transaction.atomic():
        match = _lock_match(match)
        if by.pk != match.recipient_id:
            raise MatchError(_("Only the neighbor who was asked can accept."))
        if match.status != Match.Status.PROPOSED:
            raise MatchError(_("This has already been answered."))
        # Always lock the offer before the need, as match_propose does.
        if match.offer_id and match.holds_offer:
            offer = Offer.objects.select_for_update().get(pk=match.offer_id)
            offer.status = Offer.Status.TAKEN
            offer.save(update_fields=["status", "updated"])
        if match.need_id:
            need = Need.objects.select_for_update().get(pk=match.need_id)
            if need.status not in (Need.Status.OPEN, Need.Status.IN_PROGRESS):
                raise MatchError(_("This need is no longer open."))
            need.status = Need.Status.IN_PROGRESS
            need.save(update_fields=["status", "updated"])
        match.status = Match.Status.ACCEPTED
        match.save(update_fields=["status", "updated"])
        notice_send(recipient=match.requester, kind=Notice.Kind.ACCEPTED, about=match, actor=by)
    _notify(
        user=match.requester,
        kind=Notice.Kind.ACCEPTED,
        subject=lambda: (
            _("%(name)s said yes about “%(title)s”") % {"name": by, "title": match.subject}
        ),
        template="needs/email/match_accepted.txt",
        context={"match": match, "by": by},
    )
    return match


def match_decline(*, match, by) -> Match:
    with transaction.atomic():
        match = _lock_match(match)
        if by.pk != match.recipient_id:
            raise MatchError(_("Only the neighbor who was asked can say no."))
        if match.status != Match.Status.PROPOSED:
            raise MatchError(_("This has already been answered."))
        _release_offer(match)
        match.status = Match.Status.DECLINED
        match.save(update_fields=["status", "holds_offer", "updated"])
        notice_send(recipient=match.requester, kind=Notice.Kind.DECLINED, about=match, actor=by)
    return match


def match_cancel(*, match, by, notify: bool = True) -> Match:
    with transaction.atomic():
        match = _lock_match(match)
        if not match.is_participant(by):
            raise MatchError(_("Only the two neighbors in this can cancel it."))
        if not match.is_active:
            raise MatchError(_("This is already closed."))
        was_accepted = match.status == Match.Status.ACCEPTED
        _release_offer(match)
        if was_accepted:
            _reopen_need(match)
        match.status = Match.Status.CANCELLED
        match.save(update_fields=["status", "holds_offer", "updated"])
        if notify:
            notice_send(
                recipient=match.other_person(by), kind=Notice.Kind.CANCELLED, about=match, actor=by
            )
    if notify:
        _notify(
            user=match.other_person(by),
            kind=Notice.Kind.CANCELLED,
            subject=lambda: _("“%(title)s” was cancelled") % {"title": match.subject},
            template="needs/email/match_cancelled.txt",
            context={"match": match, "by": by},
        )
    return match


def match_complete(*, match, by, thanks: str = "") -> Match:
    """The help happened: the need is met; a single offer stays taken."""
    with transaction.atomic():
        match = _lock_match(match)
        if not match.is_participant(by):
            raise MatchError(_("Only the two neighbors in this can mark it done."))
        if match.status != Match.Status.ACCEPTED:
            raise MatchError(_("This can be marked done once it has been accepted."))
        if match.need_id:
            need = Need.objects.select_for_update().get(pk=match.need_id)
            need.status = Need.Status.MET
            need.save(update_fields=["status", "updated"])
        match.status = Match.Status.COMPLETED
        match.thanks = thanks.strip()
        match.save(update_fields=["status", "thanks", "updated"])
        notice_send(
            recipient=match.other_person(by), kind=Notice.Kind.COMPLETED, about=match, actor=by
        )
    other = match.other_person(by)
    _notify(
        user=other,
        kind=Notice.Kind.COMPLETED,
        subject=lambda: _("“%(title)s” is done") % {"title": match.subject},
        template="needs/email/match_completed.txt",
        context={"match": match, "by": by},
    )
    return match


def message_send(*, match, by, body: str) -> Message:
    with transaction.atomic():
        match = _lock_match(match)
        if not match.is_participant(by):
            raise MatchError(_("Only the two neighbors in this can write here."))
        if match.status in (Match.Status.DECLINED, Match.Status.CANCELLED):
            raise MatchError(_("This conversation is closed."))
        message = Message.objects.create(match=match, author=by, body=body.strip())
        notice_message(recipient=match.other_person(by), about=match, actor=by)
    _notify(
        user=match.other_person(by),
        kind=Notice.Kind.MESSAGE,
        subject=lambda: _("A message from %(name)s") % {"name": by},
        template="needs/email/message_sent.txt",
        context={"match": match, "by": by, "message": message},
    )
    return message
