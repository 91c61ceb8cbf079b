"""Demo meetings: last month's general meeting with minutes and decisions, and next week's."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from .models import ActionItem, AgendaItem, Decision, Meeting, PollAnswer, Rsvp
from .needs_snapshot import take_snapshot

PAST_TITLE = "General meeting (last month)"
UPCOMING_TITLE = "Thursday general meeting"


def _at(day, hour: int):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _next_thursday(today):
    days = (3 - today.weekday()) % 7 or 7
    return today + timedelta(days=days)


def seed_meetings(*, people, areas):
    rosa, jun, amina, lucia, sam = (people[key] for key in ("rosa", "jun", "amina", "lucia", "sam"))
    today = timezone.localdate()
    access = "Childcare and Spanish interpretation provided. Step-free entrance on Mill Lane."

    past_day = today - timedelta(days=28)
    past, created = Meeting.objects.get_or_create(
        title=PAST_TITLE,
        defaults={
            "description": "Our monthly open meeting. Everyone is welcome.",
            "starts_at": _at(past_day, 18),
            "ends_at": _at(past_day, 20),
            "area": areas["riverside"],
            "place_name": "Riverside library, community room",
            "access_notes": access,
            "language": "en",
            "status": Meeting.Status.HELD,
            "minutes": "We welcomed four new neighbors and shared how the free store went.",
            "attendance_count": 23,
        },
    )
    if created:
        past.organizers.add(rosa)
        report = AgendaItem.objects.create(
            meeting=past,
            title="Free store report",
            kind=AgendaItem.Kind.REPORT,
            time_box_minutes=15,
            facilitator="Sam",
            position=0,
            minutes="Winter coats went fast; the tool shelf needs more ladders.",
        )
        proposal = AgendaItem.objects.create(
            meeting=past,
            title="Open the free store on Saturday mornings",
            description="Many neighbors work weekdays. Try Saturdays 10–12 for two months.",
            kind=AgendaItem.Kind.PROPOSAL,
            time_box_minutes=30,
            facilitator="Rosa",
            position=1,
            proposed_by=sam,
            minutes="Volunteers signed up for the first four Saturdays.",
        )
        for person, answer in ((rosa, "agree"), (jun, "agree"), (amina, "abstain")):
            PollAnswer.objects.create(item=proposal, person=person, answer=answer)
        decision = Decision.objects.create(
            meeting=past,
            item=proposal,
            title=proposal.title,
            text="The free store opens Saturdays 10–12 for a two-month trial, then we review.",
            outcome=Decision.Outcome.AGREED,
            tally={"agree": 2, "abstain": 1, "disagree": 0, "block": 0},
            decided_on=past_day,
        )
        ActionItem.objects.create(
            meeting=past,
            decision=decision,
            what="Make a Saturday volunteer rota",
            owner_name="Sam",
            due=past_day + timedelta(days=7),
            done=True,
            done_at=timezone.now(),
        )
        ActionItem.objects.create(
            meeting=past,
            decision=decision,
            what="Put up posters about Saturday hours",
            owner_name="Lucía",
            due=today + timedelta(days=5),
        )
        del report

    next_day = _next_thursday(today)
    upcoming, created = Meeting.objects.get_or_create(
        title=UPCOMING_TITLE,
        defaults={
            "description": "Open general meeting. Bring your ideas.",
            "starts_at": _at(next_day, 18),
            "ends_at": _at(next_day, 19) + timedelta(minutes=30),
            "area": areas["elm-street"],
            "place_name": "Elm Street community center",
            "online_url": "https://meet.example.org/hub-general",
            "access_notes": access,
            "language": "en",
            "status": Meeting.Status.PUBLISHED,
        },
    )
    if created:
        upcoming.organizers.add(rosa)
        AgendaItem.objects.create(
            meeting=upcoming,
            title="Welcome and introductions",
            kind=AgendaItem.Kind.DISCUSSION,
            time_box_minutes=10,
            facilitator="Rosa",
            position=0,
        )
        AgendaItem.objects.create(
            meeting=upcoming,
            title="Start a tenants' union for the Elm St buildings",
            description="Several of us face the same repairs being ignored. Let's organize.",
            kind=AgendaItem.Kind.PROPOSAL,
            time_box_minutes=40,
            facilitator="Lucía",
            position=1,
            proposed_by=lucia,
        )
        AgendaItem.objects.create(
            meeting=upcoming,
            title="Unmet needs in the neighborhood",
            kind=AgendaItem.Kind.UNMET_NEEDS,
            time_box_minutes=15,
            position=2,
            needs_snapshot=take_snapshot(),
        )
        AgendaItem.objects.create(
            meeting=upcoming,
            title="A community fridge by the market?",
            kind=AgendaItem.Kind.DISCUSSION,
            time_box_minutes=15,
            status=AgendaItem.Status.PROPOSED,
            proposed_by=jun,
        )
        for person, answer in ((rosa, "going"), (amina, "maybe"), (jun, "going")):
            Rsvp.objects.get_or_create(meeting=upcoming, person=person, defaults={"answer": answer})
