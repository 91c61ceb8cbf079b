"""factory_boy factories for meetings, agenda items, RSVPs, poll answers and decisions."""

from datetime import timedelta

import factory
from django.utils import timezone

from meetings.models import ActionItem, AgendaItem, Decision, Meeting, PollAnswer, Rsvp
from mutualaid.tests.factories import AreaFactory, UserFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    """A published meeting a week from now, 90 minutes long."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"General meeting {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + timedelta(minutes=90))
    area = factory.SubFactory(AreaFactory)
    place_name = "Community room"
    status = Meeting.Status.PUBLISHED

    @factory.post_generation
    def organizers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organizers.add(*extracted)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    kind = AgendaItem.Kind.DISCUSSION
    time_box_minutes = 10
    position = factory.Sequence(lambda n: n)
    status = AgendaItem.Status.ACCEPTED


class ProposalFactory(AgendaItemFactory):
    kind = AgendaItem.Kind.PROPOSAL


class RsvpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rsvp

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(UserFactory)
    answer = Rsvp.Answer.GOING


class PollAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PollAnswer

    item = factory.SubFactory(ProposalFactory)
    person = factory.SubFactory(UserFactory)
    answer = PollAnswer.Answer.AGREE


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory, status=Meeting.Status.HELD)
    title = factory.Sequence(lambda n: f"Decision {n}")
    text = "We agreed to try it for two months."
    outcome = Decision.Outcome.AGREED
    tally = factory.LazyFunction(lambda: {"agree": 3, "abstain": 0, "disagree": 0, "block": 0})
    decided_on = factory.LazyFunction(timezone.localdate)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory, status=Meeting.Status.HELD)
    what = factory.Sequence(lambda n: f"Task {n}")
    owner_name = "Sam"
    due = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
