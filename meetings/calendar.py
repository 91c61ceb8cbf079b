"""iCalendar files: one per meeting, and a feed of upcoming meetings people can subscribe to.

Times are written in the hub's time zone with its VTIMEZONE, so calendar apps show the
meeting at the right local time wherever the subscriber is.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

from mutualaid.site_url import site_url

from .models import Meeting

PRODID = "-//Neighborhood Mutual Aid Hub//Meetings//EN"


def _one_line(text: str) -> str:
    """A property that is one line in calendar apps (older rows may hold line breaks)."""
    return " ".join(text.split())


def _location(meeting: Meeting) -> str:
    parts = [meeting.place_name, meeting.area.name if meeting.area else ""]
    place = ", ".join(part for part in parts if part)
    if meeting.online_url:
        place = f"{place} · {meeting.online_url}" if place else meeting.online_url
    return _one_line(place)


def _event(meeting: Meeting, *, base_url: str, host: str, hub_tz) -> Event:
    url = base_url + meeting.get_absolute_url()
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("last-modified", meeting.updated_at)
    event.add("dtstart", timezone.localtime(meeting.starts_at, hub_tz))
    event.add("dtend", timezone.localtime(meeting.ends_at, hub_tz))
    event.add("summary", _one_line(meeting.title))
    description = [meeting.description, meeting.access_notes, url]
    event.add("description", "\n\n".join(part for part in description if part))
    location = _location(meeting)
    if location:
        event.add("location", vText(location))
    event.add("url", url)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return event


def meetings_to_ical(meetings, *, request, name: str) -> bytes:
    hub_tz = timezone.get_default_timezone()
    base_url = request.build_absolute_uri("/").rstrip("/")
    host = urlsplit(site_url(request)).hostname
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", vText(_one_line(f"{settings.HUB_NAME}: {name}")))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        cal.add_component(_event(meeting, base_url=base_url, host=host, hub_tz=hub_tz))
    cal.add_missing_timezones()
    return cal.to_ical()
