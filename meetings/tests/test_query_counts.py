"""Every list page asks the database the same few questions for 3 rows as for 30."""

import pytest
from django.urls import reverse

from meetings.models import Meeting

from .factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    PollAnswerFactory,
    ProposalFactory,
    RsvpFactory,
)

pytestmark = pytest.mark.django_db


def make_meetings(count, organizer):
    from datetime import timedelta

    from django.utils import timezone

    for index in range(count):
        upcoming = MeetingFactory(organizers=[organizer])
        AgendaItemFactory(meeting=upcoming)
        RsvpFactory(meeting=upcoming)
        past = MeetingFactory(
            starts_at=timezone.now() - timedelta(days=index + 1), status=Meeting.Status.HELD
        )
        past.organizers.add(organizer)


@pytest.mark.parametrize("count", [3, 30])
def test_meeting_list_queries(client, organizer, django_assert_max_num_queries, count):
    make_meetings(count, organizer)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("meetings:list"))
    assert len(response.context["upcoming"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_meeting_list_queries_for_an_organizer(
    client, organizer, django_assert_max_num_queries, count
):
    make_meetings(count, organizer)
    client.force_login(organizer)
    with django_assert_max_num_queries(10):
        client.get(reverse("meetings:list"))


@pytest.mark.parametrize("count", [3, 30])
def test_decision_log_queries(client, django_assert_max_num_queries, count):
    for _ in range(count):
        decision = DecisionFactory(text="We agreed on the tenants' union")
        ActionItemFactory(meeting=decision.meeting, decision=decision)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("meetings:decisions"))
    assert len(response.context["page"].object_list) == min(count, 20)
    with django_assert_max_num_queries(6):
        client.get(reverse("meetings:decisions"), {"q": "tenants", "outcome": "agreed"})


@pytest.mark.parametrize("count", [3, 30])
def test_meeting_page_queries(client, neighbor, django_assert_max_num_queries, count):
    meeting = MeetingFactory()
    for _ in range(count):
        proposal = ProposalFactory(meeting=meeting, proposed_by=neighbor)
        PollAnswerFactory(item=proposal)
        RsvpFactory(meeting=meeting)
    client.force_login(neighbor)
    with django_assert_max_num_queries(16):
        response = client.get(meeting.get_absolute_url())
    assert len(response.context["items"]) == count
