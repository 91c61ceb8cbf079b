"""Needs and offers take part in moderation, My data and rate limits like every app."""

import pytest
from django.urls import reverse

from mutualaid import roles
from mutualaid import services as core
from mutualaid.tests.factories import UserFactory
from needs import services
from needs.models import Follow, Match, Need
from needs.tests.factories import MessageFactory, NeedFactory
from offers.models import Offer
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_hidden_posts_leave_lists_matching_and_pages_but_moderators_still_see_them(client):
    need = NeedFactory(title="Soup tonight", hidden=True)
    OfferFactory(title="Soup pot to lend", hidden=True)
    assert "Soup tonight" not in client.get(reverse("needs:list")).content.decode()
    assert "Soup pot" not in client.get(reverse("offers:list")).content.decode()
    assert not Offer.objects.open().exists()
    assert client.get(need.get_absolute_url()).status_code == 404
    client.force_login(UserFactory(roles=[roles.MODERATOR]))
    assert client.get(need.get_absolute_url()).status_code == 200


def test_neighbors_can_report_posts_and_messages(client):
    need = NeedFactory()
    message = MessageFactory()
    client.force_login(UserFactory())
    assert "Report this" in client.get(need.get_absolute_url()).content.decode()
    client.force_login(message.match.recipient)
    assert "Report this" in client.get(message.match.get_absolute_url()).content.decode()


def test_a_hidden_message_leaves_the_thread(client):
    message = MessageFactory(body="something unkind", hidden=True)

    client.force_login(message.match.recipient)
    assert "something unkind" not in client.get(message.get_absolute_url()).content.decode()


def test_my_data_holds_my_needs_offers_matches_messages_and_follows():
    me = UserFactory()
    need = NeedFactory(owner=me, title="Winter boots")
    OfferFactory(owner=me, title="Spare chairs")
    match = services.match_propose(by=UserFactory(), need=need, message="I have some")
    services.message_send(match=match, by=me, body="Thank you!")
    Follow.objects.create(user=me)
    data = core.account_export(user=me)["apps"]
    assert data["needs"]["needs"][0]["title"] == "Winter boots"
    assert data["needs"]["messages_sent"][0]["body"] == "Thank you!"
    assert data["needs"]["matches"][0]["about"] == "Winter boots"
    assert data["needs"]["follows"] == [{"side": "both", "area": None, "categories": []}]
    assert data["offers"]["offers"][0]["title"] == "Spare chairs"


def test_forgetting_a_neighbor_closes_their_posts_and_frees_what_they_held():
    me = UserFactory()
    need = NeedFactory(owner=me, contact_note="call 555-0100")
    my_offer = OfferFactory(owner=me)
    their_offer = OfferFactory()
    held = services.match_propose(by=me, offer=their_offer)
    Follow.objects.create(user=me)
    core.account_forget(user=me)
    need.refresh_from_db()
    my_offer.refresh_from_db()
    their_offer.refresh_from_db()
    assert need.status == Need.Status.WITHDRAWN and need.contact_note == ""
    assert my_offer.status == Offer.Status.WITHDRAWN
    assert their_offer.status == Offer.Status.OPEN
    assert Match.objects.get(pk=held.pk).status == Match.Status.CANCELLED
    assert not Follow.objects.exists()


@pytest.mark.parametrize("order", ["as installed", "offers first"])
def test_forgetting_a_neighbor_withdraws_an_offer_someone_was_given_whatever_the_app_order(
    order, monkeypatch
):
    # An offer taken through an accepted ask: cancelling the ask would put it back up. The
    # account's offers end withdrawn whichever app forgets first.
    me = UserFactory()
    my_offer = OfferFactory(owner=me)
    given = services.match_propose(by=UserFactory(), offer=my_offer)
    services.match_accept(match=given, by=me)
    my_offer.refresh_from_db()
    assert my_offer.status == Offer.Status.TAKEN
    if order == "offers first":
        hooks = list(core._app_hooks("forget_user"))
        hooks.sort(key=lambda pair: pair[0].label != "offers")
        monkeypatch.setattr(core, "_app_hooks", lambda name: iter(hooks))
    core.account_forget(user=me)
    my_offer.refresh_from_db()
    assert my_offer.status == Offer.Status.WITHDRAWN
    assert Match.objects.get(pk=given.pk).status == Match.Status.CANCELLED


def test_posting_is_rate_limited(client):
    me = UserFactory()
    client.force_login(me)
    need = NeedFactory()
    statuses = [
        client.post(reverse("needs:create"), {"title": need.title}).status_code for _ in range(11)
    ]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429
