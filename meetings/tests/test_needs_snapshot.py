"""The unmet needs item asks the needs app through its own query, and copes when it can't."""

import pytest
from django.core.management import call_command

from meetings import needs_snapshot
from meetings.models import AgendaItem, Decision, Meeting

pytestmark = pytest.mark.django_db


class FakeOpenNeeds:
    def counts_by_category_and_area(self):
        return [
            {"category": "Food", "area": "Riverside", "count": 2},
            {"category": "Childcare", "area": None, "count": 5},
        ]


class FakeManager:
    def open(self):
        return FakeOpenNeeds()


class FakeNeed:
    objects = FakeManager()


def test_snapshot_reads_the_needs_query_and_sorts_by_count(monkeypatch):
    monkeypatch.setattr(needs_snapshot.apps, "get_model", lambda app, model: FakeNeed)
    snapshot = needs_snapshot.take_snapshot()
    assert snapshot["available"] is True
    assert snapshot["total"] == 7
    assert snapshot["rows"] == [
        {"category": "Childcare", "area": "", "count": 5},
        {"category": "Food", "area": "Riverside", "count": 2},
    ]


def test_snapshot_says_so_when_the_needs_app_cannot_answer(monkeypatch):
    def missing(app, model):
        raise LookupError

    monkeypatch.setattr(needs_snapshot.apps, "get_model", missing)
    snapshot = needs_snapshot.take_snapshot()
    assert (snapshot["available"], snapshot["rows"], snapshot["total"]) == (False, [], 0)


def test_snapshot_against_the_real_needs_app_does_not_fail():
    snapshot = needs_snapshot.take_snapshot()
    assert set(snapshot) == {"taken_at", "available", "rows", "total"}


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
    from mutualaid.tests.factories import AreaFactory, CategoryFactory
    from needs.tests.factories import NeedFactory

    food = CategoryFactory(slug="food", name="Food")
    riverside = AreaFactory(slug="riverside", name="Riverside")
    NeedFactory(category=food, area=riverside)
    NeedFactory(category=food, area=riverside)
    NeedFactory(category=food, area=riverside, status="met")
    snapshot = needs_snapshot.take_snapshot()
    assert snapshot["available"] is True
    assert snapshot["rows"] == [{"category": "Food", "area": "Riverside", "count": 2}]
