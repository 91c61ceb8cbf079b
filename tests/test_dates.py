"""Dates: every date field carries an ISO value, every date a person reads is in one style."""

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

import mutualaid
from freestore.tests.factories import ThingFactory, volunteer
from meetings.tests.factories import MeetingFactory
from mutualaid.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(mutualaid.__file__).resolve().parent.parent
ES = {"HTTP_ACCEPT_LANGUAGE": "es"}


def date_value(body, name):
    field = re.search(rf'<input type="date" name="{name}" value="([^"]*)"', body)
    assert field, f"no date field {name}"
    return field.group(1)


def test_borrowing_in_spanish_fills_the_date_field_with_an_iso_date(client):
    ladder = ThingFactory(name="Escalera", loan_days=7)
    client.force_login(UserFactory())
    body = client.get(ladder.get_absolute_url(), **ES).content.decode()
    due = timezone.localdate() + datetime.timedelta(days=7)
    assert date_value(body, "due_on") == due.isoformat()

    response = client.post(
        reverse("freestore:thing_borrow", args=[ladder.pk]), {"due_on": due.isoformat()}, **ES
    )
    page = client.get(response["Location"], **ES).content.decode()
    months = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
    assert f"Es tuyo hasta el {due.day} {months[due.month - 1]} {due.year}" in page
    assert f"{due.day} {months[due.month - 1]} {due.year}" in page  # "please bring it back by"


def test_the_report_export_dates_are_iso_in_spanish(client):
    client.force_login(volunteer())
    body = client.get(reverse("freestore:report"), **ES).content.decode()
    assert date_value(body, "end") == timezone.localdate().isoformat()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", date_value(body, "start"))


def test_a_meeting_time_reads_the_same_way_on_every_page(client):
    starts = timezone.make_aware(datetime.datetime(2026, 12, 5, 9, 30))
    meeting = MeetingFactory(title="December assembly", starts_at=starts)
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert "Sat, Dec 5, 2026, 9:30 a.m." in body
    body = client.get(meeting.get_absolute_url(), **ES).content.decode()
    assert "sáb 5 dic 2026, 9:30" in body


def test_templates_show_dates_only_in_the_hubs_named_formats():
    """A hand-written format ("M j", "l j F, H:i") is how five styles crept in."""
    allowed = {"DATE_FORMAT", "DATETIME_FORMAT", "TIME_FORMAT", "YEAR_MONTH_FORMAT", "c"}
    found = []
    for template in [*ROOT.glob("*/templates/**/*.*"), *ROOT.glob("*/*/templates/**/*.*")]:
        if ".venv" in template.parts:
            continue
        text = template.read_text()
        for fmt in re.findall(r"\|(?:date|time):[\"']([^\"']*)[\"']", text):
            if fmt not in allowed and fmt != "Y-m-d":
                found.append(f"{template.relative_to(ROOT)}: {fmt}")
    for template in (ROOT / "templates").glob("**/*.*"):
        for fmt in re.findall(r"\|(?:date|time):[\"']([^\"']*)[\"']", template.read_text()):
            if fmt not in allowed:
                found.append(f"{template.relative_to(ROOT)}: {fmt}")
    assert found == []


def test_date_fields_use_the_hubs_one_date_widget():
    """A DateInput without an ISO format renders 08/12/2026, which a date picker can't read."""
    found = []
    for source in [*ROOT.glob("*/*.py"), *ROOT.glob("*/*/*.py")]:
        if ".venv" in source.parts or source.parts[-2] == "tests" or source.name == "widgets.py":
            continue
        text = source.read_text()
        for pattern in (
            '"type": "date"',
            '"type": "datetime-local"',
            "forms.DateInput(",
            "forms.DateTimeInput(",
        ):
            if pattern in text:
                found.append(f"{source.relative_to(ROOT)}: {pattern}")
    assert found == []
