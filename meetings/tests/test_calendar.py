"""Calendar files parse as iCalendar, with the right times in the hub's time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from meetings.models import Meeting

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db

HUB = ZoneInfo(settings.TIME_ZONE)


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def test_meeting_ics_has_the_meeting_at_its_local_time(client):
    starts = datetime(2031, 3, 6, 18, 0, tzinfo=HUB)  # a Thursday evening, hub time
    meeting = MeetingFactory(
        title="Thursday general meeting",
        starts_at=starts,
        ends_at=starts.replace(hour=19, minute=30),
        place_name="Elm Street community center",
        access_notes="Childcare and Spanish interpretation provided",
    )
    calendar = parse(client.get(reverse("meetings:ics", args=[meeting.pk])))
    (event,) = events(calendar)
    assert str(event["summary"]) == "Thursday general meeting"
    start = event.decoded("dtstart")
    assert start == starts
    assert str(start.tzinfo) == settings.TIME_ZONE
    assert (start.hour, start.minute) == (18, 0)
    assert event.decoded("dtend") == starts.replace(hour=19, minute=30)
    assert event["dtstart"].params["TZID"] == settings.TIME_ZONE
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == [settings.TIME_ZONE]
    assert "Elm Street community center" in str(event["location"])
    assert "Childcare" in str(event["description"])
    assert str(event["url"]).endswith(meeting.get_absolute_url())
    # SITE_URL is unset in tests: the UID is on the host the feed was asked from.
    assert str(event["uid"]) == f"meeting-{meeting.pk}@testserver"


def test_summer_and_winter_times_stay_at_six_in_the_evening(client):
    for month in (1, 7):
        starts = datetime(2031, month, 9, 18, 0, tzinfo=HUB)
        MeetingFactory(title=f"Month {month}", starts_at=starts, ends_at=starts.replace(hour=20))
    calendar = parse(client.get(reverse("meetings:calendar_feed")))
    for event in events(calendar):
        local = event.decoded("dtstart").astimezone(HUB)
        assert (local.hour, local.minute) == (18, 0)


def test_feed_lists_upcoming_published_meetings_only(client):
    from datetime import timedelta

    from django.utils import timezone

    MeetingFactory(title="Next week")
    MeetingFactory(title="Called off", status=Meeting.Status.CANCELLED)
    MeetingFactory(title="Draft", status=Meeting.Status.DRAFT)
    MeetingFactory(title="Last month", starts_at=timezone.now() - timedelta(days=30))
    calendar = parse(client.get(reverse("meetings:calendar_feed")))
    assert sorted(str(event["summary"]) for event in events(calendar)) == ["Next week"]
    assert "Open meetings" in str(calendar["x-wr-calname"])


def test_a_title_stored_with_a_line_break_still_makes_a_calendar_file(client):
    # Titles saved before line breaks were refused must not break the file for everyone.
    meeting = MeetingFactory(title="General meeting\r\nX-Injected: 1\tand more")
    response = client.get(reverse("meetings:ics", args=[meeting.pk]))
    assert response.status_code == 200
    calendar = parse(response)
    (event,) = events(calendar)
    assert str(event["summary"]) == "General meeting X-Injected: 1 and more"
    assert b"\r\nX-Injected" not in response.content
