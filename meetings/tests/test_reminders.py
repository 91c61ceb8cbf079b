"""The day-before reminder goes to people going or maybe, once."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.services import meeting_reminders_send
from mutualaid.tests.factories import UserFactory

from .factories import MeetingFactory, RsvpFactory

pytestmark = pytest.mark.django_db

HUB = ZoneInfo(settings.TIME_ZONE)


def test_reminder_goes_to_going_and_maybe_once():
    now = datetime(2031, 3, 5, 9, 0, tzinfo=HUB)
    meeting = MeetingFactory(
        title="Thursday general meeting",
        starts_at=datetime(2031, 3, 6, 18, 0, tzinfo=HUB),
        ends_at=datetime(2031, 3, 6, 19, 30, tzinfo=HUB),
        place_name="Library",
    )
    going = RsvpFactory(meeting=meeting, answer="going").person
    maybe = RsvpFactory(meeting=meeting, answer="maybe").person
    RsvpFactory(meeting=meeting, answer="not_going")
    RsvpFactory(meeting=meeting, answer="going", person=UserFactory(email_notifications=False))
    later = MeetingFactory(
        starts_at=datetime(2031, 3, 9, 18, 0, tzinfo=HUB),
        ends_at=datetime(2031, 3, 9, 19, 0, tzinfo=HUB),
    )
    RsvpFactory(meeting=later, answer="going")

    # The neighbor who turned notifications off is not emailed, so not counted either.
    assert meeting_reminders_send(now=now).sent == 2
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([going.email, maybe.email])
    assert "Thursday general meeting is tomorrow" in mail.outbox[0].subject
    assert "6:00 p.m." in mail.outbox[0].body and "Library" in mail.outbox[0].body
    assert meeting_reminders_send(now=now).sent == 0
    assert len(mail.outbox) == 2


def test_reminder_uses_the_hubs_calendar_day_not_utc():
    # 11 PM hub time on the 5th is already the 6th in UTC; "tomorrow" is still the 6th.
    now = datetime(2031, 3, 5, 23, 0, tzinfo=HUB)
    meeting = MeetingFactory(
        starts_at=datetime(2031, 3, 6, 9, 0, tzinfo=HUB),
        ends_at=datetime(2031, 3, 6, 10, 0, tzinfo=HUB),
    )
    RsvpFactory(meeting=meeting, answer="going")
    assert meeting_reminders_send(now=now).sent == 1


def test_reminder_command_runs(capsys):
    tomorrow = datetime.now(HUB) + timedelta(days=1)
    meeting = MeetingFactory(starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=1))
    RsvpFactory(meeting=meeting, answer="maybe")
    call_command("send_meeting_reminders")
    assert "Sent 1 meeting reminder(s)." in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_a_reminder_that_fails_is_reported_not_counted(capsys, monkeypatch):
    tomorrow = datetime.now(HUB) + timedelta(days=1)
    meeting = MeetingFactory(starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=1))
    fine = RsvpFactory(meeting=meeting, answer="going").person
    failing = RsvpFactory(meeting=meeting, answer="maybe").person
    original_send = mail.EmailMessage.send

    def send(message, *args, **kwargs):
        if failing.email in message.to:
            raise ConnectionRefusedError("mail server away")
        return original_send(message, *args, **kwargs)

    monkeypatch.setattr(mail.EmailMessage, "send", send)
    with pytest.raises(CommandError, match="1 meeting reminder\\(s\\) could not be sent"):
        call_command("send_meeting_reminders")
    assert "Sent 1 meeting reminder(s)." in capsys.readouterr().out
    assert [message.to for message in mail.outbox] == [[fine.email]]
    # The failed one is tried again on the next run; the sent one is not sent twice.
    monkeypatch.setattr(mail.EmailMessage, "send", original_send)
    call_command("send_meeting_reminders")
    assert "Sent 1 meeting reminder(s)." in capsys.readouterr().out
    assert sorted(message.to[0] for message in mail.outbox) == sorted([fine.email, failing.email])


def test_a_meeting_title_stored_with_a_line_break_still_gets_its_reminders(capsys):
    tomorrow = datetime.now(HUB) + timedelta(days=1)
    meeting = MeetingFactory(
        title="General\nmeeting", starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=1)
    )
    RsvpFactory(meeting=meeting, answer="going")
    RsvpFactory(meeting=meeting, answer="maybe")
    call_command("send_meeting_reminders")
    assert "Sent 2 meeting reminder(s)." in capsys.readouterr().out
    assert [message.subject for message in mail.outbox] == [
        f"[{settings.HUB_NAME}] Reminder: General meeting is tomorrow"
    ] * 2
