"""The public decision log: full-text search, filters by outcome and date, open action items."""

from datetime import date

import pytest
from django.urls import reverse

from meetings.models import Decision, Meeting

from .factories import ActionItemFactory, DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [decision.title for decision in response.context["page"].object_list]


def test_visitor_finds_a_decision_by_words_in_its_text(client):
    DecisionFactory(title="Tenants' union for Elm St", text="We support the organizing of tenants.")
    DecisionFactory(title="Saturday hours", text="The free store opens on Saturday mornings.")
    response = client.get(reverse("meetings:decisions"), {"q": "tenant organizing"})
    assert titles(response) == ["Tenants' union for Elm St"]
    assert "1 decision found" in response.content.decode()
    # stemming: "opening" finds "opens"
    response = client.get(reverse("meetings:decisions"), {"q": "opening saturdays"})
    assert titles(response) == ["Saturday hours"]


def test_decision_search_ignores_accents_as_post_search_does(client):
    # The hub's one search configuration (mutualaid.ranking.SEARCH_CONFIG), not plain English.
    DecisionFactory(title="Monthly evenings", text="We hold a café night for the block.")
    DecisionFactory(title="Saturday hours", text="The free store opens on Saturday mornings.")
    response = client.get(reverse("meetings:decisions"), {"q": "cafe night"})
    assert titles(response) == ["Monthly evenings"]
    response = client.get(reverse("meetings:decisions"), {"q": "café"})
    assert titles(response) == ["Monthly evenings"]


def test_title_matches_rank_above_text_matches(client):
    DecisionFactory(title="Garden rota", text="The fridge gets cleaned by the garden group.")
    DecisionFactory(title="Community fridge", text="We install it by the market.")
    response = client.get(reverse("meetings:decisions"), {"q": "fridge"})
    assert titles(response) == ["Community fridge", "Garden rota"]


def test_filter_by_outcome_and_dates(client):
    DecisionFactory(title="Old yes", decided_on=date(2025, 1, 10))
    DecisionFactory(title="New yes", decided_on=date(2026, 6, 1))
    DecisionFactory(
        title="New no", decided_on=date(2026, 6, 2), outcome=Decision.Outcome.NOT_AGREED
    )
    url = reverse("meetings:decisions")
    assert titles(client.get(url)) == ["New no", "New yes", "Old yes"]
    assert titles(client.get(url, {"outcome": "agreed"})) == ["New yes", "Old yes"]
    assert titles(client.get(url, {"since": "2026-01-01"})) == ["New no", "New yes"]
    assert titles(client.get(url, {"until": "2025-12-31"})) == ["Old yes"]
    response = client.get(url, {"since": "2026-12-01", "until": "2026-01-01"})
    assert "The end date comes before the start date." in response.content.decode()


def test_bad_search_input_gets_a_page_not_an_error(client):
    DecisionFactory(title="Saturday hours")
    for params in ({"q": "!!! & | ( :*"}, {"since": "not a date"}, {"outcome": "maybe"}):
        assert client.get(reverse("meetings:decisions"), params).status_code == 200


def test_htmx_search_returns_only_the_results(client):
    DecisionFactory(title="Saturday hours")
    response = client.get(reverse("meetings:decisions"), {"q": "saturday"}, HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="results" aria-live="polite"')
    assert "Saturday hours" in text


def test_decisions_of_draft_meetings_are_not_public(client):
    draft = MeetingFactory(status=Meeting.Status.DRAFT)
    DecisionFactory(title="Hidden", meeting=draft)
    ActionItemFactory(meeting=draft, what="Hidden task")
    text = client.get(reverse("meetings:decisions")).content.decode()
    assert "Hidden" not in text


def test_open_action_items_are_listed_with_their_owners(client, organizer):
    open_item = ActionItemFactory(what="Print posters", owner_name="Lucía")
    ActionItemFactory(what="Book the room", owner_name="Sam", done=True)
    text = client.get(reverse("meetings:decisions")).content.decode()
    assert "Print posters" in text and "Lucía" in text
    assert "Book the room" not in text
    client.force_login(organizer)
    client.post(reverse("meetings:action_done", args=[open_item.pk]), {"done": "1", "next": "log"})
    open_item.refresh_from_db()
    assert open_item.done and open_item.done_at is not None


def test_a_misspelled_word_still_finds_the_decision(client):
    DecisionFactory(title="Tenants' union for Elm St", text="We organize together.")
    DecisionFactory(title="Saturday hours", text="The free store opens on Saturdays.")
    response = client.get(reverse("meetings:decisions"), {"q": "tenats"})
    assert titles(response) == ["Tenants' union for Elm St"]
    response = client.get(reverse("meetings:decisions"), {"q": "zzzz"})
    assert titles(response) == []
    assert "No decision matches that." in response.content.decode()
