"""Offer pages: the list and its filters, posting with suggestions, owner-only actions."""

import pytest
from django.core import mail
from django.urls import reverse

from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.models import Match, Need
from needs.tests.factories import MatchFactory, NeedFactory
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


def test_the_offers_list_and_the_needs_list_each_show_their_own_posts_and_words(client):
    # They share one template, and the shared cache keeps each list's results apart.
    NeedFactory(title="Winter coat for my son")
    OfferFactory(title="Soup pot to lend")
    needs = client.get(reverse("needs:list")).content.decode()
    offers = client.get(reverse("offers:list")).content.decode()
    assert "Winter coat for my son" in needs and "Soup pot to lend" not in needs
    assert "Soup pot to lend" in offers and "Winter coat for my son" not in offers
    assert "<h1>Offers</h1>" in offers and "1 open offer" in offers
    assert 'aria-label="Filter offers"' in offers and "Share what you have" in offers
    assert "<h1>Needs</h1>" in needs and "1 open need" in needs and "Print a poster" in needs
    assert "Print a poster" not in offers and "Follow new posts" not in offers
    fragment = client.get(reverse("offers:list"), HTTP_HX_REQUEST="true").content.decode()
    assert "Soup pot to lend" in fragment and "Winter coat for my son" not in fragment


def test_the_spanish_offer_form_and_list_speak_spanish(client):
    client.force_login(UserFactory())
    form = client.get(reverse("offers:create"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Comparte lo que tienes" in form
    listing = client.get(reverse("offers:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "0 ofertas abiertas" in listing


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


def offer_data(**extra):
    category, area = CategoryFactory(), AreaFactory()
    return {
        "title": "Kids winter jackets",
        "details": "Three warm jackets, sizes 6-10.",
        "kind": "things",
        "category": category.pk,
        "area": area.pk,
        "visibility": "neighbors",
        **extra,
    }


def offer_form_html(body):
    """The offer form itself, without the header's forms."""
    return body.split('<form method="post" class="two-col"', 1)[1].split("</form>", 1)[0]


def test_the_offer_form_panel_can_ask_about_each_need_while_typing(client):
    need = NeedFactory(title="Winter coat for my son")
    client.force_login(UserFactory())
    response = client.get(
        reverse("offers:create"), {"title": "winter jackets"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "Winter coat for my son" in body and "<form" not in body
    assert f'name="ask_need" value="{need.pk}"' in body and "Ask about this" in body


def test_without_javascript_the_ask_button_sends_the_offer_form(client):
    need = NeedFactory(title="Winter coat for my son")
    client.force_login(UserFactory())
    page = client.get(reverse("offers:create"), {"title": "winter jackets"}).content.decode()
    assert f'name="ask_need" value="{need.pk}"' in offer_form_html(page)


def test_asking_from_the_panel_posts_the_offer_and_asks_at_once(client):
    need = NeedFactory(title="Winter coat for my son")
    me = UserFactory(display_name="Jun")
    client.force_login(me)
    response = client.post(reverse("offers:create"), offer_data(ask_need=need.pk), follow=True)
    offer = Offer.objects.get()
    match = Match.objects.get()
    assert response.redirect_chain[-1][0] == match.get_absolute_url()
    assert offer.owner == me and offer.title == "Kids winter jackets"
    assert match.offer == offer and match.need == need
    assert match.requester == me and match.recipient == need.owner
    body = response.content.decode()
    assert f"Your offer is up and {need.owner} has been asked." in body
    assert mail.outbox[-1].to == [need.owner.email]
    assert "Jun asked about" in mail.outbox[-1].subject


def test_the_owner_asks_about_a_need_while_editing_their_offer(client):
    need = NeedFactory()
    offer = OfferFactory(title="Old title", ongoing=True)
    client.force_login(offer.owner)
    data = offer_data(title="Soup every Sunday", ongoing="on", ask_need=need.pk)
    response = client.post(reverse("offers:edit", args=[offer.pk]), data)
    match = Match.objects.get()
    offer.refresh_from_db()
    assert response.url == match.get_absolute_url()
    assert offer.title == "Soup every Sunday" and match.offer == offer and match.need == need


@pytest.mark.parametrize(
    ("need_kind", "said"),
    [
        ("mine", "your own post, so there is nobody to ask"),
        ("met", "This need is no longer open"),
        ("hidden", "That need is no longer here"),
        ("gone", "That need is no longer here"),
    ],
)
def test_a_refused_ask_saves_nothing_and_keeps_what_was_typed(client, need_kind, said):
    me = UserFactory()
    need_id = {
        "mine": lambda: NeedFactory(owner=me).pk,
        "met": lambda: NeedFactory(status=Need.Status.MET).pk,
        "hidden": lambda: NeedFactory(hidden=True).pk,
        "gone": lambda: "not-a-need",
    }[need_kind]()
    client.force_login(me)
    response = client.post(reverse("offers:create"), offer_data(ask_need=need_id))
    assert response.status_code == 200
    assert not Offer.objects.exists() and not Match.objects.exists()
    body = response.content.decode()
    assert said in body
    assert "Kids winter jackets" in body and "Three warm jackets, sizes 6-10." in body
    assert not mail.outbox


def test_asking_twice_about_the_same_need_leaves_the_offer_unchanged(client):
    need = NeedFactory()
    offer = OfferFactory(title="Soup every Sunday", ongoing=True)
    MatchFactory(need=need, offer=offer, requester=offer.owner, recipient=need.owner)
    client.force_login(offer.owner)
    data = offer_data(title="Changed title", ongoing="on", ask_need=need.pk)
    response = client.post(reverse("offers:edit", args=[offer.pk]), data)
    offer.refresh_from_db()
    assert (
        response.status_code == 200 and "You already asked about this" in response.content.decode()
    )
    assert offer.title == "Soup every Sunday" and Match.objects.count() == 1


def test_a_form_with_mistakes_keeps_what_was_typed_and_asks_nobody(client):
    need = NeedFactory(title="Winter coat for my son")
    client.force_login(UserFactory())
    data = offer_data(ask_need=need.pk)
    del data["category"]
    response = client.post(reverse("offers:create"), data)
    body = response.content.decode()
    assert response.status_code == 200 and "This field is required" in body
    assert "Kids winter jackets" in body and "Three warm jackets, sizes 6-10." in body
    assert not Offer.objects.exists() and not Match.objects.exists()


def test_logged_out_visitors_cannot_post_an_offer_and_ask(client):
    need = NeedFactory()
    response = client.post(reverse("offers:create"), offer_data(ask_need=need.pk))
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not Offer.objects.exists() and not Match.objects.exists()


def test_neighbor_cannot_ask_with_someone_elses_offer(client):
    need, offer = NeedFactory(), OfferFactory(title="Old title")
    client.force_login(UserFactory())
    data = offer_data(title="Hijacked", ask_need=need.pk)
    response = client.post(reverse("offers:edit", args=[offer.pk]), data)
    offer.refresh_from_db()
    assert response.status_code == 403
    assert offer.title == "Old title" and not Match.objects.exists()


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
