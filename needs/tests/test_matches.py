"""Matches: asking, answering, the private thread, statuses that follow, and the race."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from inbox.models import Delivery, NoticeSettings
from mutualaid import roles
from mutualaid.tests.factories import UserFactory
from needs import services
from needs.models import Match, Need
from needs.services import MatchError
from needs.tests.factories import MatchFactory, MessageFactory, NeedFactory
from offers.models import Offer
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_i_can_help_asks_the_neighbor_who_posted_and_emails_them(client):
    need = NeedFactory(title="Groceries this week")
    helper = UserFactory(display_name="Kai")
    client.force_login(helper)
    response = client.post(reverse("needs:ask"), {"need": need.pk, "message": "I have rice"})
    match = Match.objects.get()
    assert response.url == match.get_absolute_url()
    assert match.requester == helper and match.recipient == need.owner
    assert match.messages.get().body == "I have rice"
    assert mail.outbox[-1].to == [need.owner.email]
    assert "Kai asked about" in mail.outbox[-1].subject
    assert helper.email not in mail.outbox[-1].body


def test_no_email_when_the_neighbor_turned_them_off(client):
    need = NeedFactory(owner=UserFactory(email_notifications=False))
    client.force_login(UserFactory())
    client.post(reverse("needs:ask"), {"need": need.pk})
    assert Match.objects.exists() and not mail.outbox


def test_you_cannot_ask_yourself():
    need = NeedFactory()
    with pytest.raises(MatchError):
        services.match_propose(by=need.owner, need=need)


@pytest.mark.parametrize("side", ["need", "offer"])
def test_a_post_a_moderator_hid_cannot_be_asked_about(client, side):
    post = NeedFactory(hidden=True) if side == "need" else OfferFactory(hidden=True)
    client.force_login(UserFactory())
    response = client.post(reverse("needs:ask"), {side: post.pk}, follow=True)
    assert not Match.objects.exists()
    assert not mail.outbox
    assert response.status_code == 404


def test_asking_twice_is_refused_plainly():
    need = NeedFactory()
    helper = UserFactory()
    services.match_propose(by=helper, need=need)
    with pytest.raises(MatchError, match="already asked"):
        services.match_propose(by=helper, need=need)


def test_single_offer_is_spoken_for_then_taken_and_the_need_met():
    offer = OfferFactory()
    need = NeedFactory()
    match = services.match_propose(by=need.owner, need=need, offer=offer)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SPOKEN_FOR and match.recipient == offer.owner
    services.match_accept(match=match, by=offer.owner)
    offer.refresh_from_db()
    need.refresh_from_db()
    assert offer.status == Offer.Status.TAKEN and need.status == Need.Status.IN_PROGRESS
    services.match_complete(match=match, by=need.owner, thanks="Thank you so much!")
    need.refresh_from_db()
    match.refresh_from_db()
    assert need.status == Need.Status.MET and match.thanks == "Thank you so much!"


def test_an_ongoing_offer_stays_open_after_a_match():
    offer = OfferFactory(ongoing=True)
    first = services.match_propose(by=UserFactory(), offer=offer)
    services.match_accept(match=first, by=offer.owner)
    services.match_propose(by=UserFactory(), offer=offer)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.OPEN


def test_declining_or_cancelling_opens_the_offer_again():
    offer = OfferFactory()
    match = services.match_propose(by=UserFactory(), offer=offer)
    services.match_decline(match=match, by=offer.owner)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.OPEN
    asker = UserFactory()
    match = services.match_propose(by=asker, offer=offer)
    services.match_accept(match=match, by=offer.owner)
    services.match_cancel(match=match, by=asker)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.OPEN


def test_only_the_one_asked_can_accept():
    match = MatchFactory()
    with pytest.raises(MatchError):
        services.match_accept(match=match, by=match.requester)
    with pytest.raises(MatchError):
        services.match_accept(match=match, by=UserFactory())


def test_the_thread_is_private_to_the_two(client):
    message = MessageFactory(body="Saturday at the library?")
    match = message.match
    url = match.get_absolute_url()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "let me in"}).status_code == 404
    # moderators too, until someone reports a message in it
    client.force_login(UserFactory(roles=[roles.MODERATOR]))
    assert client.get(url).status_code == 404
    client.force_login(match.recipient)
    body = client.get(url).content.decode()
    assert "Saturday at the library?" in body
    assert match.requester.email not in body and match.recipient.email not in body


def test_strangers_cannot_act_on_a_match(client):
    match = MatchFactory()
    client.force_login(UserFactory())
    for action in ["accept", "decline", "cancel", "complete"]:
        assert client.post(reverse(f"needs:match_{action}", args=[match.pk])).status_code == 404
    match.refresh_from_db()
    assert match.status == Match.Status.PROPOSED


def test_messages_go_to_the_other_neighbor_by_email_when_they_want_them_at_once(client):
    match = MatchFactory()
    NoticeSettings.objects.create(recipient=match.requester, messages=Delivery.AT_ONCE)
    client.force_login(match.recipient)
    client.post(match.get_absolute_url(), {"body": "Yes, 10 am works."})
    assert match.messages.get().author == match.recipient
    assert mail.outbox[-1].to == [match.requester.email]
    assert "Yes, 10 am works." in mail.outbox[-1].body


def test_messages_wait_for_the_daily_summary_by_default(client):
    match = MatchFactory()
    client.force_login(match.recipient)
    client.post(match.get_absolute_url(), {"body": "Yes, 10 am works."})
    assert match.messages.exists() and not mail.outbox


def test_an_empty_message_is_refused_with_a_message(client):
    match = MatchFactory()
    client.force_login(match.requester)
    response = client.post(match.get_absolute_url(), {"body": "   "})
    assert response.status_code == 200 and not match.messages.exists()
    assert "Please" in response.content.decode()


def test_intake_needs_send_matches_to_the_volunteer(client):
    volunteer = UserFactory(roles=[roles.INTAKE_VOLUNTEER])
    need = NeedFactory(owner=volunteer, on_behalf_of="Fabienne", contact_note="555-0100")
    helper = UserFactory()
    client.force_login(helper)
    client.post(reverse("needs:ask"), {"need": need.pk})
    match = Match.objects.get()
    assert match.recipient == volunteer and mail.outbox[-1].to == [volunteer.email]
    assert "555-0100" not in client.get(match.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_neighbors_asking_for_the_last_single_offer_at_once_one_gets_it():
    offer = OfferFactory(title="The last stroller")
    askers = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    outcomes = []

    def ask(user):
        try:
            barrier.wait()
            services.match_propose(by=user, offer=offer)
            outcomes.append("got it")
        except MatchError as error:
            outcomes.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=ask, args=(user,)) for user in askers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("got it") == 1
    assert any("Another neighbor asked for this" in outcome for outcome in outcomes)
    assert Match.objects.filter(offer=offer).count() == 1
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SPOKEN_FOR
