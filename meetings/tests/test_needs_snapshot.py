"""The unmet needs item asks the needs app through its own query."""

import pytest
from django.core.management import call_command

from meetings import needs_snapshot
from meetings.models import AgendaItem, Decision, Meeting
from mutualaid.tests.factories import AreaFactory, CategoryFactory
from needs.tests.factories import NeedFactory

pytestmark = pytest.mark.django_db


def test_snapshot_reads_the_needs_query_and_sorts_by_count():
    food = CategoryFactory(slug="food", name="Food")
    childcare = CategoryFactory(slug="childcare", name="Childcare")
    riverside = AreaFactory(slug="riverside", name="Riverside")
    hilltop = AreaFactory(slug="hilltop", name="Hilltop")
    NeedFactory.create_batch(2, category=food, area=riverside)
    NeedFactory.create_batch(5, category=childcare, area=hilltop)
    snapshot = needs_snapshot.take_snapshot()
    assert set(snapshot) == {"taken_at", "rows", "total"}
    assert snapshot["total"] == 7
    assert snapshot["rows"] == [
        {"category": "Childcare", "area": "Hilltop", "count": 5},
        {"category": "Food", "area": "Riverside", "count": 2},
    ]


def test_demo_data_has_a_past_meeting_with_decisions_and_an_upcoming_agenda():
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)  # idempotent
    held = Meeting.objects.get(status=Meeting.Status.HELD)
    assert held.minutes and held.decisions.exists() and held.action_items.exists()
    upcoming = Meeting.objects.get(status=Meeting.Status.PUBLISHED)
    assert upcoming.items.accepted().count() == 3
    assert upcoming.items.filter(kind=AgendaItem.Kind.UNMET_NEEDS).exists()
    assert Decision.objects.count() == 1


def test_snapshot_counts_the_open_needs_the_needs_app_reports():
    food = CategoryFactory(slug="food", name="Food")
    riverside = AreaFactory(slug="riverside", name="Riverside")
    NeedFactory(category=food, area=riverside)
    NeedFactory(category=food, area=riverside)
    NeedFactory(category=food, area=riverside, status="met")
    snapshot = needs_snapshot.take_snapshot()
    assert snapshot["rows"] == [{"category": "Food", "area": "Riverside", "count": 2}]
