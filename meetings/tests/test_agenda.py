"""The agenda: proposals from anyone, accepted or declined by organizers, reordered, timed."""

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from meetings import services
from meetings.models import AgendaItem, Meeting

from .factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def titles(meeting):
    return list(meeting.items.accepted().order_by("position", "pk").values_list("title", flat=True))


def test_organizer_accepts_a_proposal_and_the_proposer_is_told(
    client, organizer, neighbor, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(title="Thursday general meeting")
    AgendaItemFactory(meeting=meeting, title="Welcome", position=0)
    item = services.agenda_item_propose(
        meeting=meeting, by=neighbor, title="Tenants' union", kind="proposal", time_box_minutes=30
    )
    client.force_login(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:item_accept", args=[item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == AgendaItem.Status.ACCEPTED
    assert titles(meeting) == ["Welcome", "Tenants' union"]
    assert mail.outbox[-1].to == [neighbor.email]
    assert "is on the agenda of Thursday general meeting" in mail.outbox[-1].body


def test_declining_needs_a_reason_the_proposer_then_sees(
    client, organizer, neighbor, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory()
    item = services.agenda_item_propose(
        meeting=meeting, by=neighbor, title="Fridge", kind="discussion", time_box_minutes=10
    )
    client.force_login(organizer)
    url = reverse("meetings:item_decline", args=[item.pk])
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    item.refresh_from_db()
    assert item.status == AgendaItem.Status.PROPOSED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Already on next month's agenda."})
    item.refresh_from_db()
    assert item.status == AgendaItem.Status.DECLINED
    assert "Already on next month's agenda." in mail.outbox[-1].body
    client.force_login(neighbor)
    text = client.get(meeting.get_absolute_url()).content.decode()
    assert "Already on next month&#x27;s agenda." in text


def test_a_declined_item_without_reason_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        AgendaItemFactory(status=AgendaItem.Status.DECLINED, decline_reason="")


def test_nobody_proposes_for_a_past_or_draft_meeting(neighbor):
    from datetime import timedelta

    from django.utils import timezone

    past = MeetingFactory(starts_at=timezone.now() - timedelta(days=2))
    draft = MeetingFactory(status=Meeting.Status.DRAFT)
    for meeting in (past, draft):
        with pytest.raises(services.MeetingError):
            services.agenda_item_propose(
                meeting=meeting, by=neighbor, title="x", kind="discussion", time_box_minutes=5
            )


def test_organizer_moves_items_with_plain_buttons(client, organizer):
    meeting = MeetingFactory()
    for position, title in enumerate(["Welcome", "Report", "Tenants' union"]):
        AgendaItemFactory(meeting=meeting, title=title, position=position)
    union = meeting.items.get(title="Tenants' union")
    client.force_login(organizer)
    response = client.post(reverse("meetings:item_move", args=[union.pk]), {"direction": "up"})
    assert response.status_code == 302 and response["Location"].endswith(f"#item-{union.pk}")
    assert titles(meeting) == ["Welcome", "Tenants' union", "Report"]
    client.post(reverse("meetings:item_move", args=[union.pk]), {"direction": "up"})
    client.post(reverse("meetings:item_move", args=[union.pk]), {"direction": "up"})
    assert titles(meeting) == ["Tenants' union", "Welcome", "Report"]


def test_htmx_move_returns_only_the_agenda(client, organizer):
    meeting = MeetingFactory()
    first = AgendaItemFactory(meeting=meeting, title="Welcome", position=0)
    AgendaItemFactory(meeting=meeting, title="Report", position=1)
    client.force_login(organizer)
    response = client.post(
        reverse("meetings:item_move", args=[first.pk]),
        {"direction": "down"},
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert text.lstrip().startswith('<section id="agenda"')
    assert text.index("Report") < text.index("Welcome")
    assert "The agenda order is saved." in text
    assert "HX-Request" in response["Vary"]


def test_htmx_move_that_cant_happen_says_why_in_the_agenda(client, organizer):
    meeting = MeetingFactory()
    first = AgendaItemFactory(meeting=meeting, title="Welcome", position=0)
    client.force_login(organizer)
    response = client.post(
        reverse("meetings:item_move", args=[first.pk]),
        {"direction": "sideways"},
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert text.lstrip().startswith('<section id="agenda"')
    assert 'role="alert">An item can move up or down.</p>' in text
    assert "The agenda order is saved." not in text
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "An item can move up or down." not in page


def test_plain_move_that_cant_happen_says_why_on_the_meeting_page(client, organizer):
    meeting = MeetingFactory()
    first = AgendaItemFactory(meeting=meeting, title="Welcome", position=0)
    client.force_login(organizer)
    response = client.post(
        reverse("meetings:item_move", args=[first.pk]), {"direction": "sideways"}, follow=True
    )
    text = response.content.decode()
    assert "An item can move up or down." in text
    assert "The agenda order is saved." not in text


def test_agenda_shows_total_time_against_the_meeting_length(client):
    meeting = MeetingFactory()  # 90 minutes
    AgendaItemFactory(meeting=meeting, time_box_minutes=60)
    AgendaItemFactory(meeting=meeting, time_box_minutes=20)
    AgendaItemFactory(meeting=meeting, time_box_minutes=20, status="proposed")
    text = client.get(meeting.get_absolute_url()).content.decode()
    assert "80 of 90 minutes planned." in text
    assert "longer than the meeting" not in text
    AgendaItemFactory(meeting=meeting, time_box_minutes=15)
    text = client.get(meeting.get_absolute_url()).content.decode()
    assert "95 of 90 minutes planned." in text
    assert "The agenda is longer than the meeting." in text


def test_organizer_drafts_and_publishes_a_meeting(client, organizer):
    client.force_login(organizer)
    data = {
        "title": "Thursday general meeting",
        "starts_at": "2030-05-02T18:00",
        "ends_at": "2030-05-02T19:30",
        "place_name": "Library",
        "access_notes": "Childcare and Spanish interpretation provided",
        "language": "en",
    }
    response = client.post(reverse("meetings:create"), data)
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.status == Meeting.Status.DRAFT
    assert list(meeting.organizers.all()) == [organizer]
    assert meeting.length_minutes == 90
    client.post(reverse("meetings:status", args=[meeting.pk]), {"status": "published"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED


def test_meeting_form_keeps_input_and_explains_errors(client, organizer):
    client.force_login(organizer)
    data = {
        "title": "Thursday general meeting",
        "starts_at": "2030-05-02T18:00",
        "ends_at": "2030-05-02T17:00",
        "language": "en",
    }
    response = client.post(reverse("meetings:create"), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "The meeting has to end after it starts." in text
    assert "Say where the meeting happens" in text
    assert 'value="Thursday general meeting"' in text
    assert not Meeting.objects.exists()


def test_unmet_needs_item_stores_a_snapshot(client, organizer, monkeypatch):
    from meetings import needs_snapshot

    monkeypatch.setattr(
        needs_snapshot,
        "open_needs_counts",
        lambda: [{"category": "Food", "area": "Riverside", "count": 4}],
    )
    meeting = MeetingFactory()
    client.force_login(organizer)
    client.post(reverse("meetings:item_unmet_needs", args=[meeting.pk]))
    item = meeting.items.get(kind=AgendaItem.Kind.UNMET_NEEDS)
    assert item.needs_snapshot["rows"] == [{"category": "Food", "area": "Riverside", "count": 4}]
    assert item.needs_snapshot["total"] == 4
    text = client.get(meeting.get_absolute_url()).content.decode()
    assert "4 open needs by category and area" in text


def test_the_unmet_needs_item_reads_in_each_visitors_language_and_is_added_once(client, organizer):
    meeting = MeetingFactory()
    client.force_login(organizer)
    url = reverse("meetings:item_unmet_needs", args=[meeting.pk])
    client.post(url, HTTP_ACCEPT_LANGUAGE="es")
    english = client.get(meeting.get_absolute_url()).content.decode()
    assert "Unmet needs in the neighborhood" in english
    spanish = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Necesidades sin cubrir en el barrio" in spanish
    assert "Unmet needs in the neighborhood" not in spanish

    response = client.post(url, follow=True)
    assert "This meeting already has the unmet needs item" in response.content.decode()
    assert meeting.items.filter(kind="unmet_needs").count() == 1
    assert "Add unmet needs item" not in response.content.decode()
