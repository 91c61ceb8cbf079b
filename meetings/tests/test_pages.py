"""Public pages: anyone can read published meetings, agendas, minutes and decisions."""

import re

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, Meeting

from .factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    ProposalFactory,
    RsvpFactory,
)

pytestmark = pytest.mark.django_db


def test_visitor_without_account_sees_published_meeting_and_its_agenda(client):
    meeting = MeetingFactory(title="Thursday general meeting", access_notes="Childcare provided")
    AgendaItemFactory(meeting=meeting, title="Welcome")
    ProposalFactory(meeting=meeting, title="Start a tenants' union")
    listing = client.get(reverse("meetings:list"))
    assert "Thursday general meeting" in listing.content.decode()
    page = client.get(meeting.get_absolute_url())
    text = page.content.decode()
    assert page.status_code == 200
    assert "Welcome" in text and "Start a tenants&#x27; union" in text
    assert "Childcare provided" in text
    assert "Log in to say where you stand" in text


def test_visitor_reads_minutes_decisions_and_action_items_of_a_held_meeting(client):
    decision = DecisionFactory(title="Saturday hours", text="Open Saturdays 10 to 12.")
    meeting = decision.meeting
    meeting.minutes = "We met and talked."
    meeting.save()
    ActionItemFactory(meeting=meeting, what="Print posters", owner_name="Lucía")
    text = client.get(meeting.get_absolute_url()).content.decode()
    assert "We met and talked." in text
    assert "Open Saturdays 10 to 12." in text
    assert "Print posters" in text and "Lucía" in text


def test_home_page_lists_the_next_meeting(client):
    MeetingFactory(title="Thursday general meeting")
    MeetingFactory(title="Secret draft", status=Meeting.Status.DRAFT)
    text = client.get("/").content.decode()
    assert "Thursday general meeting" in text
    assert "Secret draft" not in text


def test_organizer_pages_render(client, organizer):
    meeting = MeetingFactory(organizers=[organizer])
    proposal = ProposalFactory(meeting=meeting)
    ProposalFactory(meeting=meeting, status="proposed", proposed_by=organizer)
    RsvpFactory(meeting=meeting)
    client.force_login(organizer)
    for url in [
        reverse("meetings:create"),
        reverse("meetings:edit", args=[meeting.pk]),
        reverse("meetings:item_add", args=[meeting.pk]),
        reverse("meetings:item_edit", args=[proposal.pk]),
        reverse("meetings:minutes", args=[meeting.pk]),
        reverse("meetings:decision_record", args=[proposal.pk]),
        reverse("meetings:poll", args=[proposal.pk]),
        meeting.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 200, url


def test_organizers_manage_meetings_in_the_admin(client, organizer, neighbor):
    meeting = MeetingFactory()
    organizer.is_staff = True
    organizer.save()
    client.force_login(organizer)
    assert client.get(reverse("admin:meetings_meeting_changelist")).status_code == 200
    assert (
        client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).status_code == 200
    )
    # Who answered what is personal: the meeting page shows organizers the counts only.
    assert client.get(reverse("admin:meetings_rsvp_changelist")).status_code == 403
    assert client.get(reverse("admin:meetings_pollanswer_changelist")).status_code == 403
    assert client.get(reverse("admin:meetings_rsvp_add")).status_code == 403
    neighbor.is_staff = True
    neighbor.save()
    client.force_login(neighbor)
    assert client.get(reverse("admin:meetings_meeting_changelist")).status_code == 403


def test_meeting_pages_speak_spanish(client):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, time_box_minutes=20)
    text = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Orden del día" in text
    assert "20 de 90 minutos previstos." in text
    text = client.get(reverse("meetings:decisions"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Decisiones de la red" in text


def test_spanish_meeting_page_calls_the_record_acta_and_the_time_box_minutos(client):
    meeting = MeetingFactory(minutes="Nos reunimos y conversamos.")
    AgendaItemFactory(meeting=meeting, time_box_minutes=20, minutes="Se habló del huerto.")
    text = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<h2 id="minutes-title">Acta</h2>' in text
    assert "<h4>Acta</h4>" in text
    assert "20 minutos" in text
    assert "20 de 90 minutos previstos." in text


def test_spanish_admin_labels_the_record_acta_and_the_time_box_minutos(client, organizer):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    organizer.is_staff = True
    organizer.save()
    client.force_login(organizer)
    meeting_page = client.get(
        reverse("admin:meetings_meeting_change", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert re.search(r'<label for="id_minutes">\s*Acta:?\s*</label>', meeting_page)
    assert re.search(r'<th class="[^"]*column-time_box_minutes[^"]*">\s*Minutos', meeting_page)
    item_page = client.get(
        reverse("admin:meetings_agendaitem_change", args=[item.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert re.search(r'<label[^>]*for="id_time_box_minutes">\s*Minutos:?\s*</label>', item_page)
    assert re.search(r'<label for="id_minutes">\s*Acta de este punto:?\s*</label>', item_page)


def test_spanish_decision_log_pages_read_previous_and_next(client):
    DecisionFactory.create_batch(21)
    first = client.get(reverse("meetings:decisions"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert re.search(r'<a href="\?page=2" rel="next">\s*Siguiente\s*</a>', first)
    second = client.get(
        reverse("meetings:decisions"), {"page": 2}, HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert re.search(r'<a href="\?page=1" rel="prev">\s*Anterior\s*</a>', second)
    assert "Página 2 de 2" in second


def test_the_decision_log_keeps_its_search_from_page_to_page(client):
    DecisionFactory.create_batch(21, text="We share the ladder")
    body = client.get(reverse("meetings:decisions"), {"q": "ladder"}).content.decode()
    assert re.search(r'<a href="\?q=ladder&amp;page=2" rel="next">\s*Next\s*</a>', body)
    assert '<nav class="pagination" aria-label="Decision pages">' in body


def test_spanish_meeting_page_calls_an_unfinished_action_item_pendiente(client):
    meeting = MeetingFactory(status=Meeting.Status.HELD)
    ActionItemFactory(meeting=meeting, what="Call the landlord", done=False)
    text = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert re.search(r"<td[^>]*>\s*Pendiente\s*</td>", text)
    assert "Abierta" not in text


def test_spanish_pages_call_a_cancelled_meeting_cancelada(client):
    meeting = MeetingFactory(status=Meeting.Status.CANCELLED)
    badge = '<span class="badge badge-cancelled">Cancelada</span>'
    text = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert badge in text
    assert "Cancelado" not in text
    listing = client.get(reverse("meetings:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert badge in listing


def test_spanish_needs_snapshot_names_needs_without_a_category_like_the_other_category(client):
    meeting = MeetingFactory()
    AgendaItemFactory(
        meeting=meeting,
        kind=AgendaItem.Kind.UNMET_NEEDS,
        needs_snapshot={
            "taken_at": "2025-05-01T18:00:00+00:00",
            "rows": [{"category": "", "area": "Riverside", "count": 2}],
            "total": 2,
        },
    )
    text = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    # The same word the category list uses for the seeded "other" category.
    row = (
        '<tr><td>Otros</td><td data-label="Necesidades abiertas">2</td>'
        '<td data-label="Dónde">Riverside 2</td></tr>'
    )
    assert row in text


def test_spanish_needs_snapshot_names_the_seeded_categories_in_spanish(client):
    meeting = MeetingFactory()
    AgendaItemFactory(
        meeting=meeting,
        kind=AgendaItem.Kind.UNMET_NEEDS,
        needs_snapshot={
            "taken_at": "2025-05-01T18:00:00+00:00",
            "rows": [
                {"category": "Food", "area": "Riverside", "count": 3},
                {"category": "Bike kitchen", "area": "Riverside", "count": 1},
            ],
            "total": 4,
        },
    )
    text = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    row = (
        '<tr><td>Comida</td><td data-label="Necesidades abiertas">3</td>'
        '<td data-label="Dónde">Riverside 3</td></tr>'
    )
    assert row in text
    # A category organizers added themselves keeps the name they gave it.
    row = (
        '<tr><td>Bike kitchen</td><td data-label="Necesidades abiertas">1</td>'
        '<td data-label="Dónde">Riverside 1</td></tr>'
    )
    assert row in text


def test_a_meeting_title_with_a_line_break_is_refused_in_plain_words(client, organizer):
    # Browsers strip line breaks from a one-line field; a crafted request keeps them.
    client.force_login(organizer)
    response = client.post(
        reverse("meetings:create"),
        {
            "title": "General meeting\nX-Injected: 1",
            "starts_at": "2031-03-06T18:00",
            "ends_at": "2031-03-06T19:30",
            "place_name": "Library",
            "language": "en",
        },
    )
    assert response.status_code == 200
    assert "Please write this on one line" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_needs_snapshot_is_one_row_per_category_so_it_stays_short_on_a_phone(client):
    meeting = MeetingFactory()
    rows = [
        {"category": "Food", "area": area, "count": count}
        for area, count in [("Riverside", 3), ("Hilltop", 2), ("Old Town", 1)]
    ] + [{"category": "Transport", "area": "Riverside", "count": 1}]
    AgendaItemFactory(
        meeting=meeting,
        kind=AgendaItem.Kind.UNMET_NEEDS,
        needs_snapshot={
            "taken_at": "2025-05-01T18:00:00+00:00",
            "rows": rows,
            "total": 7,
        },
    )
    text = client.get(meeting.get_absolute_url()).content.decode()
    snapshot = text.split('class="needs-snapshot"')[1].split("</table>")[0]
    assert snapshot.count("<tr>") == 3  # the header and two categories
    assert "Riverside 3 · Hilltop 2 · Old Town 1" in snapshot
