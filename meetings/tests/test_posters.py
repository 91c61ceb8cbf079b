"""A meeting notice to print: date, place, access, agenda, and a QR code to the meeting."""

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, Meeting
from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from mutualaid.roles import ORGANIZER
from mutualaid.tests.factories import AreaFactory, UserFactory
from tests.qr import decode_svg, qr_svgs

pytestmark = pytest.mark.django_db


def test_meeting_notice_says_when_where_and_access_and_its_code_opens_the_meeting(client, settings):
    settings.SITE_URL = "https://hub.example.org"
    meeting = MeetingFactory(
        title="Thursday general meeting",
        area=AreaFactory(name="Riverside"),
        place_name="Riverside library, community room",
        access_notes="Step-free entrance; childcare provided",
        online_url="https://meet.example.org/general",
    )
    AgendaItemFactory(meeting=meeting, title="Winter coat drive")
    AgendaItemFactory(meeting=meeting, title="zpendingproposal", status=AgendaItem.Status.PROPOSED)

    page = client.get(reverse("meetings:poster", args=[meeting.pk])).content.decode()

    assert "Thursday general meeting" in page
    assert "Riverside library, community room, Riverside" in page
    assert "Step-free entrance; childcare provided" in page
    assert "Winter coat drive" in page
    assert "zpendingproposal" not in page
    [svg] = qr_svgs(page)
    assert decode_svg(svg) == f"https://hub.example.org/meetings/{meeting.pk}/"


def test_meeting_notice_in_spanish_writes_the_date_in_spanish(client):
    meeting = MeetingFactory()
    page = client.get(reverse("meetings:poster", args=[meeting.pk]), {"lang": "es"})
    text = page.content.decode()
    assert '<html lang="es">' in text
    assert "Cuándo" in text
    assert "Una reunión abierta" in text


def test_a_draft_has_no_notice_even_for_organizers(client):
    draft = MeetingFactory(status=Meeting.Status.DRAFT)
    client.force_login(UserFactory(roles=[ORGANIZER]))
    assert client.get(reverse("meetings:poster", args=[draft.pk])).status_code == 404
    assert (
        reverse("meetings:poster", args=[draft.pk])
        not in client.get(draft.get_absolute_url()).content.decode()
    )


def test_meeting_page_links_to_its_notice(client):
    meeting = MeetingFactory()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("meetings:poster", args=[meeting.pk]) in page
