"""What meetings keeps about a neighbor: given back on request, let go when they leave.

Decisions, minutes and agendas are the hub's shared record, so they stay; the person's name
comes off them. RSVPs and poll answers only mattered to that person and are deleted (a
recorded decision keeps its tally as counts, with no names).
"""

from django.db import transaction

from .models import AgendaItem, PollAnswer, Rsvp


def export_user_data(user) -> dict:
    rsvps = Rsvp.objects.filter(person=user).select_related("meeting").order_by("pk")
    answers = PollAnswer.objects.filter(person=user).select_related("item__meeting").order_by("pk")
    proposals = AgendaItem.objects.filter(proposed_by=user).select_related("meeting").order_by("pk")
    return {
        "rsvps": [
            {
                "meeting": rsvp.meeting.title,
                "starts": rsvp.meeting.starts_at,
                "answer": rsvp.get_answer_display(),
            }
            for rsvp in rsvps
        ],
        "poll_answers": [
            {
                "proposal": answer.item.title,
                "meeting": answer.item.meeting.title,
                "answer": answer.get_answer_display(),
                "reason": answer.reason,
                "when": answer.updated_at,
            }
            for answer in answers
        ],
        "agenda_items_you_proposed": [
            {
                "title": item.title,
                "meeting": item.meeting.title,
                "status": item.get_status_display(),
                "decline_reason": item.decline_reason,
            }
            for item in proposals
        ],
        "meetings_you_organized": list(
            user.organized_meetings.order_by("starts_at").values_list("title", flat=True)
        ),
    }


def forget_user(user) -> None:
    with transaction.atomic():
        Rsvp.objects.filter(person=user).delete()
        PollAnswer.objects.filter(person=user).delete()
        AgendaItem.objects.filter(proposed_by=user, status=AgendaItem.Status.PROPOSED).delete()
        AgendaItem.objects.filter(proposed_by=user).update(proposed_by=None)
        user.organized_meetings.clear()
