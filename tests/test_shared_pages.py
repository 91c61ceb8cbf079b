"""The store, the meetings, a meeting's page and the decision log read the same for every
visitor: they come from the shared cache, cost the same few queries however many rows they
show, and any change shows at once. The need form's category and area choices likewise."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from freestore.tests.factories import ItemFactory
from meetings.models import Meeting, Rsvp
from meetings.services import rsvp_set
from meetings.tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    RsvpFactory,
)
from mutualaid.tests.factories import AreaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def settled(monkeypatch):
    """A test's changes are committed at once (there is no other reader in between)."""
    monkeypatch.setattr("mutualaid.shared_cache.SETTLE_SECONDS", 0)


def make_rows(count):
    first = None
    for index in range(count):
        meeting = MeetingFactory(title=f"Assembly {index}")
        first = first or meeting
        AgendaItemFactory(meeting=meeting, title=f"Point {index}")
        RsvpFactory(meeting=meeting)
        AgendaItemFactory(meeting=first, title=f"First's point {index}")
        decision = DecisionFactory(meeting=first, title=f"Decided {index}")
        ActionItemFactory(meeting=first, decision=decision, what=f"Task {index}")
        MeetingFactory(
            title=f"Past assembly {index}",
            starts_at=timezone.now() - timedelta(days=index + 1),
            status=Meeting.Status.HELD,
        )
        ItemFactory(name=f"Winter coat {index}", size=f"{index + 1}", stock=2)
    return first


PAGES = {
    "store": (lambda first: reverse("freestore:index"), "Winter coat 0"),
    "meetings": (lambda first: reverse("meetings:list"), "Assembly 0"),
    "meeting": (lambda first: first.get_absolute_url(), "Task 0"),
    "decisions": (lambda first: reverse("meetings:decisions"), "Decided 0"),
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("count", [1, 12])
def test_a_visitors_page_costs_the_same_few_queries_for_one_row_as_for_many(
    client, django_assert_max_num_queries, page, count
):
    path, shown = PAGES[page]
    url = path(make_rows(count))
    with django_assert_max_num_queries(7):
        first = client.get(url).content.decode()
    with django_assert_max_num_queries(0):
        again = client.get(url).content.decode()
    assert shown in first and shown in again


def test_a_new_meeting_a_new_rsvp_and_a_new_decision_show_at_once(client):
    meeting = MeetingFactory(title="Spring assembly")
    client.get(reverse("meetings:list")), client.get(meeting.get_absolute_url())
    MeetingFactory(title="Tool library planning")
    assert "Tool library planning" in client.get(reverse("meetings:list")).content.decode()
    rsvp_set(meeting=meeting, person=UserFactory(), answer=Rsvp.Answer.GOING)
    assert "1 going" in client.get(meeting.get_absolute_url()).content.decode()
    client.get(reverse("meetings:decisions"))
    DecisionFactory(meeting=meeting, title="We open on Sundays")
    assert "We open on Sundays" in client.get(reverse("meetings:decisions")).content.decode()


def test_an_edited_store_item_shows_at_once(client):
    item = ItemFactory(name="Winter coat", stock=1)
    assert "Winter coat" in client.get(reverse("freestore:index")).content.decode()
    item.name = "Warm winter coat"
    item.save()
    assert "Warm winter coat" in client.get(reverse("freestore:index")).content.decode()


def test_a_signed_in_neighbor_gets_their_own_rsvp_form_not_the_visitors_page(client):
    meeting = MeetingFactory(title="Spring assembly")
    visitor = client.get(meeting.get_absolute_url()).content.decode()
    assert "Spring assembly" in visitor and "Will you come?" not in visitor
    client.force_login(UserFactory())
    signed_in = client.get(meeting.get_absolute_url()).content.decode()
    assert "Spring assembly" in signed_in and "Will you come?" in signed_in


def test_a_draft_meeting_stays_hidden_from_visitors(client):
    draft = MeetingFactory(title="Not yet", status=Meeting.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("count", [1, 20])
def test_the_need_form_choices_cost_no_queries_per_area(
    client, django_assert_max_num_queries, count
):
    for index in range(count):
        AreaFactory(name=f"Riverside {index}")
    client.force_login(UserFactory())
    client.get(reverse("needs:create"))
    with django_assert_max_num_queries(3):  # the neighbor, their roles, their unread count
        body = client.get(reverse("needs:create")).content.decode()
    assert f"Riverside {count - 1}" in body


def test_a_new_area_shows_in_the_need_form_at_once(client):
    client.force_login(UserFactory())
    client.get(reverse("needs:create"))
    AreaFactory(name="Hilltop")
    assert "Hilltop" in client.get(reverse("needs:create")).content.decode()


def test_each_neighbor_gets_the_fields_and_the_area_that_are_theirs_on_the_need_form(client):
    from mutualaid import roles

    riverside, hilltop = AreaFactory(name="Riverside"), AreaFactory(name="Hilltop")
    client.force_login(UserFactory(area=riverside))
    neighbor = client.get(reverse("needs:create")).content.decode()
    client.force_login(UserFactory(area=hilltop, roles=[roles.INTAKE_VOLUNTEER]))
    volunteer = client.get(reverse("needs:create")).content.decode()
    assert f'value="{riverside.pk}" selected' in neighbor and "on_behalf_of" not in neighbor
    assert f'value="{hilltop.pk}" selected' in volunteer and "on_behalf_of" in volunteer
