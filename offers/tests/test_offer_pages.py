"""Offer pages: the list and its filters, posting with suggestions, owner-only actions."""

import pytest
from django.urls import reverse

from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.tests.factories import NeedFactory
from offers.models import Offer
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [3, 30])
def test_offer_list_asks_the_database_the_same_few_questions(
    client, rows, django_assert_max_num_queries
):
    area, category = AreaFactory(), CategoryFactory()
    owners = [UserFactory(area=area) for _ in range(3)]
    for index in range(rows):
        OfferFactory(owner=owners[index % 3], area=area, category=category)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("offers:list"), {"q": "share"})
    assert response.status_code == 200


def test_kind_filter(client):
    OfferFactory(title="Drill to lend", kind=Offer.Kind.LEND)
    OfferFactory(title="Bread", kind=Offer.Kind.THINGS)
    body = client.get(reverse("offers:list"), {"kind": "lend"}).content.decode()
    assert "Drill to lend" in body and "Bread" not in body


def test_posting_an_offer_shows_needs_it_could_meet(client):
    category, area = CategoryFactory(), AreaFactory()
    NeedFactory(title="Winter coat for my son", category=category, area=area, urgency="today")
    me = UserFactory()
    client.force_login(me)
    response = client.post(
        reverse("offers:create"),
        {
            "title": "Kids winter jackets",
            "kind": "things",
            "category": category.pk,
            "area": area.pk,
            "visibility": "neighbors",
        },
        follow=True,
    )
    body = response.content.decode()
    assert Offer.objects.get().owner == me
    assert "Winter coat for my son" in body and "Ask about this" in body


def test_the_offer_form_suggests_needs_while_typing(client):
    NeedFactory(title="Winter coat for my son")
    client.force_login(UserFactory())
    response = client.get(
        reverse("offers:create"), {"title": "jackets winter"}, headers={"HX-Request": "true"}
    )
    assert "Winter coat for my son" in response.content.decode()


def test_neighbor_cannot_edit_or_withdraw_someone_elses_offer(client):
    offer = OfferFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("offers:edit", args=[offer.pk])).status_code == 403
    assert client.post(reverse("offers:edit", args=[offer.pk]), {"title": "x"}).status_code == 403
    client.post(reverse("offers:withdraw", args=[offer.pk]))
    offer.refresh_from_db()
    assert offer.status == Offer.Status.OPEN


def test_logged_out_visitors_are_sent_to_log_in_to_post(client):
    response = client.get(reverse("offers:create"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_owner_edits_their_offer(client):
    offer = OfferFactory(title="Old title")
    client.force_login(offer.owner)
    client.post(
        reverse("offers:edit", args=[offer.pk]),
        {
            "title": "Three kids' jackets",
            "kind": "things",
            "category": offer.category_id,
            "area": offer.area_id,
            "visibility": "everyone",
        },
    )
    offer.refresh_from_db()
    assert offer.title == "Three kids' jackets" and offer.visibility == "everyone"
