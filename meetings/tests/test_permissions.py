"""Who may do what: drafts are for organizers, proposals need an account, and so on."""

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, Meeting

from .factories import ActionItemFactory, AgendaItemFactory, MeetingFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(organizer):
    return MeetingFactory(
        title="Draft meeting", status=Meeting.Status.DRAFT, organizers=[organizer]
    )


def test_draft_is_invisible_to_visitors_and_neighbors(client, neighbor, draft):
    item = ProposalFactory(meeting=draft)
    for _who in ("visitor", "neighbor"):
        assert "Draft meeting" not in client.get(reverse("meetings:list")).content.decode()
        assert client.get(draft.get_absolute_url()).status_code == 404
        assert client.get(reverse("meetings:ics", args=[draft.pk])).status_code == 404
        assert client.get(reverse("meetings:poll", args=[item.pk])).status_code == 404
        client.force_login(neighbor)


def test_draft_is_visible_to_organizers(client, organizer, draft):
    client.force_login(organizer)
    assert "Draft meeting" in client.get(reverse("meetings:list")).content.decode()
    page = client.get(draft.get_absolute_url())
    assert page.status_code == 200
    assert "Only organizers can see this draft." in page.content.decode()


def test_draft_is_not_in_the_calendar_feed(client, draft):
    MeetingFactory(title="Published meeting")
    body = client.get(reverse("meetings:calendar_feed")).content.decode()
    assert "Published meeting" in body
    assert "Draft meeting" not in body


def test_every_published_page_is_readable_without_an_account(client):
    meeting = MeetingFactory()
    proposal = ProposalFactory(meeting=meeting)
    for url in [
        reverse("meetings:list"),
        reverse("meetings:decisions"),
        reverse("meetings:calendar_feed"),
        meeting.get_absolute_url(),
        reverse("meetings:ics", args=[meeting.pk]),
        reverse("meetings:poll", args=[proposal.pk]),
    ]:
        assert client.get(url).status_code == 200, url


def test_proposing_an_item_needs_an_account(client, neighbor):
    meeting = MeetingFactory()
    url = reverse("meetings:propose", args=[meeting.pk])
    response = client.post(url, {"title": "Fridge", "kind": "discussion", "time_box_minutes": 10})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not AgendaItem.objects.exists()
    client.force_login(neighbor)
    response = client.post(url, {"title": "Fridge", "kind": "discussion", "time_box_minutes": 10})
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.status == AgendaItem.Status.PROPOSED and item.proposed_by == neighbor


def test_rsvp_and_poll_answers_need_an_account(client):
    meeting = MeetingFactory()
    proposal = ProposalFactory(meeting=meeting)
    response = client.post(reverse("meetings:rsvp", args=[meeting.pk]), {"answer": "going"})
    assert "/accounts/login/" in response["Location"]
    response = client.post(reverse("meetings:poll", args=[proposal.pk]), {"answer": "agree"})
    assert "/accounts/login/" in response["Location"]
    assert not meeting.rsvps.exists() and not proposal.poll_answers.exists()


@pytest.mark.parametrize("who", ["visitor", "neighbor"])
def test_only_organizers_run_the_agenda_minutes_and_decisions(client, neighbor, who):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, position=0)
    AgendaItemFactory(meeting=meeting, position=1)
    proposed = ProposalFactory(meeting=meeting, status="proposed", position=0)
    action = ActionItemFactory(meeting=meeting)
    if who == "neighbor":
        client.force_login(neighbor)
    posts = [
        (reverse("meetings:create"), {"title": "x"}),
        (reverse("meetings:edit", args=[meeting.pk]), {"title": "x"}),
        (reverse("meetings:status", args=[meeting.pk]), {"status": "cancelled"}),
        (reverse("meetings:item_add", args=[meeting.pk]), {"title": "x", "kind": "report"}),
        (reverse("meetings:item_unmet_needs", args=[meeting.pk]), {}),
        (reverse("meetings:item_edit", args=[item.pk]), {"title": "x"}),
        (reverse("meetings:item_move", args=[item.pk]), {"direction": "down"}),
        (reverse("meetings:item_accept", args=[proposed.pk]), {}),
        (reverse("meetings:item_decline", args=[proposed.pk]), {"reason": "no"}),
        (reverse("meetings:minutes", args=[meeting.pk]), {"meeting-minutes": "x"}),
        (reverse("meetings:decision_record", args=[item.pk]), {"text": "x", "outcome": "agreed"}),
        (reverse("meetings:action_add", args=[meeting.pk]), {"what": "x"}),
        (reverse("meetings:action_done", args=[action.pk]), {"done": "1"}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        if who == "visitor":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
        else:
            assert response.status_code == 403, url
    meeting.refresh_from_db()
    item.refresh_from_db()
    proposed.refresh_from_db()
    action.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED and meeting.minutes == ""
    assert item.position == 0 and item.title != "x"
    assert proposed.status == AgendaItem.Status.PROPOSED
    assert not action.done
    assert meeting.items.count() == 3 and not meeting.decisions.exists()


def test_organizer_controls_are_hidden_from_neighbors(client, neighbor):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting)
    AgendaItemFactory(meeting=meeting)
    client.force_login(neighbor)
    text = client.get(meeting.get_absolute_url()).content.decode()
    assert "Organizer tools" not in text
    assert "Move down" not in text
