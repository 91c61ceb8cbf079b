"""RSVPs and consent polls: one answer per person, changeable, safe under double submits."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Decision, PollAnswer, Rsvp
from mutualaid.tests.factories import UserFactory

from .factories import MeetingFactory, PollAnswerFactory, ProposalFactory, RsvpFactory

pytestmark = pytest.mark.django_db


def test_neighbor_rsvps_and_changes_their_mind(client, neighbor):
    meeting = MeetingFactory()
    RsvpFactory(meeting=meeting)
    client.force_login(neighbor)
    url = reverse("meetings:rsvp", args=[meeting.pk])
    client.post(url, {"answer": "maybe"})
    client.post(url, {"answer": "going"})
    assert Rsvp.objects.get(meeting=meeting, person=neighbor).answer == "going"
    assert meeting.rsvps.count() == 2
    text = client.get(meeting.get_absolute_url()).content.decode()
    assert "2 going · 0 maybe · 0 can't make it" in text


def test_htmx_rsvp_returns_the_updated_counts(client, neighbor):
    meeting = MeetingFactory()
    client.force_login(neighbor)
    response = client.post(
        reverse("meetings:rsvp", args=[meeting.pk]), {"answer": "maybe"}, HTTP_HX_REQUEST="true"
    )
    text = response.content.decode()
    assert text.lstrip().startswith('<section id="rsvp"')
    assert "0 going · 1 maybe" in text
    assert "Thanks, your answer is saved." in text


def test_rsvp_with_a_made_up_answer_gets_a_message_not_an_error(client, neighbor):
    meeting = MeetingFactory()
    client.force_login(neighbor)
    response = client.post(
        reverse("meetings:rsvp", args=[meeting.pk]), {"answer": "yes!!"}, follow=True
    )
    assert response.status_code == 200
    assert "Please choose going, maybe or not going." in response.content.decode()
    assert not Rsvp.objects.exists()


def test_htmx_rsvp_with_a_made_up_answer_says_why_beside_the_answers(client, neighbor):
    meeting = MeetingFactory()
    client.force_login(neighbor)
    response = client.post(
        reverse("meetings:rsvp", args=[meeting.pk]), {"answer": "yes!!"}, HTTP_HX_REQUEST="true"
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert text.lstrip().startswith('<section id="rsvp"')
    assert 'role="alert">Please choose going, maybe or not going.</p>' in text
    assert "Thanks, your answer is saved." not in text
    assert not Rsvp.objects.exists()
    # Said once, where the neighbor acted: the next page doesn't say it again.
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Please choose going, maybe or not going." not in page


def test_htmx_rsvp_to_a_meeting_that_has_ended_says_why_where_the_answers_were(client, neighbor):
    meeting = MeetingFactory()
    client.force_login(neighbor)
    # The page was opened while the meeting was upcoming; it ended before the tap.
    meeting.starts_at = timezone.now() - datetime.timedelta(hours=3)
    meeting.ends_at = timezone.now() - datetime.timedelta(hours=1)
    meeting.save(update_fields=["starts_at", "ends_at"])
    response = client.post(
        reverse("meetings:rsvp", args=[meeting.pk]), {"answer": "going"}, HTTP_HX_REQUEST="true"
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert text.lstrip().startswith('<section id="rsvp"')
    assert 'role="alert">RSVPs are open for upcoming meetings only.</p>' in text
    assert "Thanks, your answer is saved." not in text
    assert not Rsvp.objects.exists()


def test_the_database_refuses_a_second_rsvp_row(neighbor):
    meeting = MeetingFactory()
    RsvpFactory(meeting=meeting, person=neighbor)
    with pytest.raises(IntegrityError):
        RsvpFactory(meeting=meeting, person=neighbor)


def test_neighbor_answers_a_poll_and_changes_their_answer(client, neighbor):
    item = ProposalFactory()
    client.force_login(neighbor)
    url = reverse("meetings:poll", args=[item.pk])
    client.post(url, {"answer": "disagree"})
    client.post(url, {"answer": "agree", "reason": "Convinced by the discussion"})
    answer = PollAnswer.objects.get()
    assert (answer.answer, answer.reason) == ("agree", "Convinced by the discussion")
    assert services.poll_tally(item) == {"agree": 1, "abstain": 0, "disagree": 0, "block": 0}


def test_a_block_without_a_reason_is_refused_with_a_message(client, neighbor):
    item = ProposalFactory()
    client.force_login(neighbor)
    response = client.post(
        reverse("meetings:poll", args=[item.pk]), {"answer": "block", "reason": " "}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "An objection needs a reason" in text
    assert 'value="block" checked' in text  # what they chose is kept
    assert not PollAnswer.objects.exists()


def test_a_block_without_a_reason_is_refused_by_the_service_and_the_database(neighbor):
    item = ProposalFactory()
    with pytest.raises(services.MeetingError):
        services.poll_answer_set(item=item, person=neighbor, answer="block", reason="  ")
    with pytest.raises(IntegrityError):
        PollAnswerFactory(item=item, person=neighbor, answer="block", reason="")


def test_htmx_poll_answer_returns_the_live_tally(client, neighbor):
    item = ProposalFactory()
    PollAnswerFactory(item=item, answer="agree")
    client.force_login(neighbor)
    response = client.post(
        reverse("meetings:poll", args=[item.pk]),
        {"answer": "block", "reason": "We need to ask the tenants first"},
        HTTP_HX_REQUEST="true",
    )
    text = response.content.decode()
    assert text.lstrip().startswith(f'<div id="poll-{item.pk}"')
    assert "Agree: 1 · Stand aside: 0 · Disagree: 0 · Object: 1" in text
    assert "We need to ask the tenants first" in text
    tally = client.get(
        reverse("meetings:poll", args=[item.pk]) + "?part=tally", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert tally.startswith('<p class="tally-counts">') and "Object: 1" in tally


def test_recording_the_decision_closes_the_poll_and_keeps_the_tally(client, organizer, neighbor):
    item = ProposalFactory()
    PollAnswerFactory(item=item, answer="agree")
    PollAnswerFactory(item=item, answer="abstain")
    client.force_login(organizer)
    client.post(
        reverse("meetings:decision_record", args=[item.pk]),
        {"outcome": "agreed", "text": "We start a tenants' union."},
    )
    decision = Decision.objects.get()
    assert decision.tally == {"agree": 1, "abstain": 1, "disagree": 0, "block": 0}
    assert decision.title == item.title
    client.force_login(neighbor)
    response = client.post(
        reverse("meetings:poll", args=[item.pk]), {"answer": "block", "reason": "x"}
    )
    assert "This poll is closed" in response.content.decode()
    assert item.poll_answers.count() == 2
    second = client.post(
        reverse("meetings:decision_record", args=[item.pk]), {"outcome": "deferred", "text": "x"}
    )
    assert second.status_code == 403


def test_second_decision_on_the_same_item_gets_a_message(client, organizer):
    item = ProposalFactory()
    services.decision_record(item=item, by=organizer, text="Yes", outcome="agreed")
    client.force_login(organizer)
    response = client.post(
        reverse("meetings:decision_record", args=[item.pk]), {"outcome": "deferred", "text": "x"}
    )
    assert "A decision on this item is already recorded." in response.content.decode()
    assert Decision.objects.count() == 1


def _twice_at_once(work):
    """Run `work()` in two threads released together; return what each raised, if anything."""
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            work()
        except Exception as error:  # noqa: BLE001 - the test inspects it
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_double_submitted_rsvp_makes_one_row_and_no_error():
    meeting = MeetingFactory()
    person = UserFactory()
    for _round in range(5):
        errors = _twice_at_once(
            lambda: services.rsvp_set(meeting=meeting, person=person, answer="going")
        )
        assert errors == []
    assert Rsvp.objects.filter(meeting=meeting, person=person).count() == 1


@pytest.mark.django_db(transaction=True)
def test_double_submitted_poll_answer_makes_one_row_and_no_error():
    item = ProposalFactory()
    person = UserFactory()
    for answer in ("agree", "disagree", "abstain"):
        errors = _twice_at_once(
            lambda answer=answer: services.poll_answer_set(item=item, person=person, answer=answer)
        )
        assert errors == []
    assert PollAnswer.objects.get(item=item, person=person).answer == "abstain"


def test_the_meeting_page_shows_why_someone_blocks(client):
    proposal = ProposalFactory(title="Move the pantry to Fridays")
    PollAnswerFactory(item=proposal, answer=PollAnswer.Answer.AGREE, reason="Works for me")
    PollAnswerFactory(
        item=proposal,
        answer=PollAnswer.Answer.BLOCK,
        reason="Friday is when the church hall is booked",
    )
    body = client.get(proposal.meeting.get_absolute_url()).content.decode()
    assert "Move the pantry to Fridays" in body
    assert "Why someone objects:" in body
    assert "Friday is when the church hall is booked" in body
    assert "Works for me" not in body


@pytest.mark.parametrize(
    ("name", "data"),
    [("meetings:rsvp", {"answer": "going"}), ("meetings:poll", {"answer": "agree"})],
)
def test_answering_without_an_account_goes_to_login_and_back(client, name, data):
    item = ProposalFactory()
    target = item.meeting if name == "meetings:rsvp" else item
    url = reverse(name, args=[target.pk])
    back = item.meeting.get_absolute_url() if name == "meetings:rsvp" else url
    login = f"{reverse('account_login')}?next={back}"

    page = client.post(url, data)
    assert page.status_code == 302 and page["Location"] == login

    # htmx is told to load the login page whole rather than swap it into the meeting.
    live = client.post(url, data, HTTP_HX_REQUEST="true")
    assert live.status_code == 200 and live["HX-Redirect"] == login
    assert not Rsvp.objects.exists() and not PollAnswer.objects.exists()
