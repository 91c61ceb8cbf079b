"""A neighbor's meeting data goes into their download and leaves with their account."""

import pytest

from meetings.models import AgendaItem, Decision, PollAnswer, Rsvp
from mutualaid import services as core_services

from .factories import (
    DecisionFactory,
    MeetingFactory,
    PollAnswerFactory,
    ProposalFactory,
    RsvpFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_neighbor(neighbor):
    meeting = MeetingFactory(title="Thursday general meeting", organizers=[neighbor])
    RsvpFactory(meeting=meeting, person=neighbor, answer="maybe")
    accepted = ProposalFactory(meeting=meeting, title="Tenants' union", proposed_by=neighbor)
    ProposalFactory(meeting=meeting, title="Fridge", proposed_by=neighbor, status="proposed")
    PollAnswerFactory(item=accepted, person=neighbor, answer="block", reason="Ask tenants first")
    DecisionFactory(meeting=meeting, item=accepted, title="Tenants' union")
    return neighbor


def test_download_includes_rsvps_poll_answers_and_proposals(active_neighbor):
    data = core_services.account_export(user=active_neighbor)["apps"]["meetings"]
    assert data["rsvps"][0]["answer"] == "Maybe"
    assert data["poll_answers"][0]["reason"] == "Ask tenants first"
    assert {item["title"] for item in data["agenda_items_you_proposed"]} == {
        "Tenants' union",
        "Fridge",
    }
    assert data["meetings_you_organized"] == ["Thursday general meeting"]


def test_deleting_the_account_keeps_the_shared_record_without_their_name(active_neighbor):
    core_services.account_forget(user=active_neighbor)
    assert not Rsvp.objects.exists() and not PollAnswer.objects.exists()
    assert list(AgendaItem.objects.values_list("title", "proposed_by")) == [
        ("Tenants' union", None)
    ]
    assert Decision.objects.get().title == "Tenants' union"
    assert not active_neighbor.organized_meetings.exists()
