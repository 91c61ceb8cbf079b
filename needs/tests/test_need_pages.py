"""Need pages: lists, filters, create with live suggestions, owner-only actions, intake."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mutualaid import roles
from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.models import Match, Need
from needs.tests.factories import FollowFactory, MatchFactory, NeedFactory
from offers.models import Offer
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def make_needs(count):
    area, category = AreaFactory(), CategoryFactory()
    owners = [UserFactory(area=area) for _ in range(3)]
    for index in range(count):
        NeedFactory(owner=owners[index % 3], area=area, category=category)


@pytest.mark.parametrize("rows", [3, 30])
def test_need_list_asks_the_database_the_same_few_questions(
    client, rows, django_assert_max_num_queries
):
    make_needs(rows)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("needs:list"))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_mine_stays_bounded(client, rows, django_assert_max_num_queries):
    me = UserFactory()
    area, category = AreaFactory(), CategoryFactory()
    for index in range(rows):
        NeedFactory(owner=me, area=area, category=category, title=f"Winter boots {index}")
        OfferFactory(owner=me, area=area, category=category, title=f"Garden chairs {index}")
        MatchFactory(requester=me)
    OfferFactory(title="Winter boots for kids", area=area, category=category)
    client.force_login(me)
    # Nothing is ranked for the page itself: what may fit comes as each panel comes into view.
    with django_assert_max_num_queries(12):
        response = client.get(reverse("needs:mine"))
    body = response.content.decode()
    assert f"Winter boots {rows - 1}" in body and f"Garden chairs {rows - 1}" in body
    assert "Winter boots for kids" not in body
    newest = Need.objects.by(me).order_by("-created_at", "-pk").first()
    assert f"?fits=need-{newest.pk}" in body
    panel = client.get(
        reverse("needs:mine"), {"fits": f"need-{newest.pk}"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "Offers that could meet this" in panel and "Winter boots for kids" in panel
    assert "<html" not in panel


def test_mine_does_not_grow_with_old_posts(client, django_assert_max_num_queries):
    me = UserFactory()
    area, category = AreaFactory(), CategoryFactory()
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Need.objects.bulk_create(
        Need(
            owner=me,
            title=f"Old need {n}",
            status=Need.Status.MET,
            area=area,
            category=category,
            created_at=long_ago,
            expires_on=long_ago.date(),
        )
        for n in range(120)
    )
    Offer.objects.bulk_create(
        Offer(
            owner=me,
            title=f"Old offer {n}",
            status=Offer.Status.WITHDRAWN,
            area=area,
            category=category,
            created_at=long_ago,
            expires_on=long_ago.date(),
        )
        for n in range(120)
    )
    NeedFactory(owner=me, title="Still open: a bike pump", area=area, category=category)
    client.force_login(me)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("needs:mine")).content.decode()
    # What is still going comes first; the old posts are paged, ten at a time.
    assert body.index("Still open: a bike pump") < body.index("Old need")
    assert body.count("Old need ") == 9 and body.count("Old offer ") == 10
    assert "Page 1 of 13" in body and "Page 1 of 12" in body
    assert len(body) < 30_000
    older = client.get(reverse("needs:mine"), {"needs": "13"}).content.decode()
    assert "Old need" in older and "Still open: a bike pump" not in older


def test_mine_fits_of_someone_elses_post_is_not_found(client):
    theirs = NeedFactory()
    client.force_login(UserFactory())
    response = client.get(
        reverse("needs:mine"), {"fits": f"need-{theirs.pk}"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 404
    response = client.get(reverse("needs:mine"), {"fits": "nope"}, headers={"HX-Request": "true"})
    assert response.status_code == 400


def test_filters_narrow_the_list_and_stay_in_the_url(client):
    food, tools = CategoryFactory(slug="food"), CategoryFactory(slug="tools-garden")
    NeedFactory(title="Groceries this week", category=food, urgency="today")
    NeedFactory(title="A ladder", category=tools)
    body = client.get(reverse("needs:list"), {"category": "food"}).content.decode()
    assert "Groceries this week" in body and "A ladder" not in body
    body = client.get(reverse("needs:list"), {"q": "ladders"}).content.decode()
    assert "A ladder" in body and "Groceries" not in body
    body = client.get(reverse("needs:list"), {"urgency": "today", "page": "x"}).content.decode()
    assert "Groceries this week" in body and "A ladder" not in body


def test_bad_filter_values_are_ignored_not_an_error(client):
    NeedFactory(title="Soup")
    response = client.get(reverse("needs:list"), {"category": "nope", "urgency": "<b>"})
    assert response.status_code == 200
    assert "Soup" in response.content.decode()


def test_the_list_sends_only_the_results_to_htmx(client):
    NeedFactory(title="Soup")
    response = client.get(reverse("needs:list"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "Soup" in body and "<html" not in body
    assert "HX-Request" in response["Vary"]


def test_expired_and_withdrawn_needs_drop_out_of_lists(client):
    NeedFactory(title="Old", expires_on=timezone.localdate() - datetime.timedelta(days=1))
    NeedFactory(title="Gone", status=Need.Status.WITHDRAWN)
    NeedFactory(title="Fresh")
    body = client.get(reverse("needs:list")).content.decode()
    assert "Fresh" in body and ">Old<" not in body and ">Gone<" not in body


def test_details_are_for_signed_in_neighbors_unless_shared_with_everyone(client):
    private = NeedFactory(details="second floor, ring twice")
    public = NeedFactory(details="any size is fine", visibility="everyone")
    assert "ring twice" not in client.get(private.get_absolute_url()).content.decode()
    assert "any size is fine" in client.get(public.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    assert "ring twice" in client.get(private.get_absolute_url()).content.decode()


def test_posting_a_need_shows_offers_that_fit(client):
    category, area = CategoryFactory(), AreaFactory()
    OfferFactory(title="Kids winter jackets", category=category, area=area)
    me = UserFactory(area=area)
    client.force_login(me)
    response = client.post(
        reverse("needs:create"),
        {
            "title": "Winter coat for my son",
            "details": "",
            "urgency": "week",
            "category": category.pk,
            "area": area.pk,
            "visibility": "neighbors",
        },
        follow=True,
    )
    need = Need.objects.get(owner=me)
    assert need.expires_on == timezone.localdate() + datetime.timedelta(days=30)
    assert "Kids winter jackets" in response.content.decode()


def test_the_live_panel_suggests_while_typing(client):
    OfferFactory(title="Kids winter jackets")
    client.force_login(UserFactory())
    response = client.get(
        reverse("needs:create"), {"title": "winter coat"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "Kids winter jackets" in body and "Ask about this" in body and "<form" not in body


def test_asking_from_the_panel_saves_the_need_and_asks_at_once(client):
    category, area = CategoryFactory(), AreaFactory()
    offer = OfferFactory(title="Kids winter jackets", category=category, area=area)
    me = UserFactory()
    client.force_login(me)
    data = {
        "title": "Winter coat for my son",
        "urgency": "week",
        "category": category.pk,
        "area": area.pk,
        "visibility": "neighbors",
        "ask_offer": offer.pk,
    }
    response = client.post(reverse("needs:create"), data)
    match = Match.objects.get()
    assert response.url == match.get_absolute_url()
    assert match.need.owner == me and match.offer == offer and match.recipient == offer.owner


def test_asking_while_editing_says_the_need_was_saved(client):
    category, area = CategoryFactory(), AreaFactory()
    offer = OfferFactory(title="Kids winter jackets", category=category, area=area)
    need = NeedFactory(title="Coat", category=category, area=area)
    client.force_login(need.owner)
    data = {
        "title": "Winter coat for my son",
        "urgency": "week",
        "category": category.pk,
        "area": area.pk,
        "visibility": "neighbors",
        "ask_offer": offer.pk,
    }
    response = client.post(reverse("needs:edit", args=[need.pk]), data, follow=True)
    need.refresh_from_db()
    assert need.title == "Winter coat for my son" and Match.objects.get().need == need
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [f"Your need is saved and {offer.owner} has been asked."]


def test_nothing_half_saves_when_the_offer_was_just_taken(client):
    category, area = CategoryFactory(), AreaFactory()
    offer = OfferFactory(category=category, area=area, status=Offer.Status.TAKEN)
    client.force_login(UserFactory())
    data = {
        "title": "Winter coat for my son",
        "urgency": "week",
        "category": category.pk,
        "area": area.pk,
        "visibility": "neighbors",
        "ask_offer": offer.pk,
    }
    response = client.post(reverse("needs:create"), data)
    assert response.status_code == 200
    assert not Need.objects.exists()
    body = response.content.decode()
    assert "no longer available" in body and "Winter coat for my son" in body


def test_a_form_with_mistakes_keeps_what_was_typed(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("needs:create"), {"title": "A long winter coat", "details": "kept"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "A long winter coat" in body and "kept" in body and "This field is required" in body


def test_neighbor_cannot_edit_withdraw_or_renew_someone_elses_need(client):
    need = NeedFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("needs:edit", args=[need.pk])).status_code == 403
    client.post(reverse("needs:withdraw", args=[need.pk]))
    client.post(reverse("needs:renew", args=[need.pk]))
    need.refresh_from_db()
    assert need.status == Need.Status.OPEN


def test_owner_withdraws_and_renews(client):
    need = NeedFactory(expires_on=timezone.localdate() + datetime.timedelta(days=2))
    client.force_login(need.owner)
    client.post(reverse("needs:renew", args=[need.pk]))
    need.refresh_from_db()
    assert need.expires_on == timezone.localdate() + datetime.timedelta(days=30)
    client.post(reverse("needs:withdraw", args=[need.pk]))
    need.refresh_from_db()
    assert need.status == Need.Status.WITHDRAWN


def test_the_form_never_asks_who_qualifies(client):
    client.force_login(UserFactory())
    body = client.get(reverse("needs:create")).content.decode().lower()
    for word in ["income", "eligib", "household size", "beneficiar", "client", "proof of"]:
        assert word not in body


def test_intake_volunteer_posts_for_a_neighbor_and_only_volunteers_see_the_contact(client):
    volunteer = UserFactory(roles=[roles.INTAKE_VOLUNTEER])
    category, area = CategoryFactory(), AreaFactory()
    client.force_login(volunteer)
    client.post(
        reverse("needs:create"),
        {
            "title": "Snow boots, size 2",
            "urgency": "week",
            "category": category.pk,
            "area": area.pk,
            "visibility": "neighbors",
            "on_behalf_of": "Fabienne",
            "contact_note": "call after 5 pm on 555-0100",
        },
    )
    need = Need.objects.get()
    assert need.owner == volunteer and need.on_behalf_of == "Fabienne"
    assert "555-0100" in client.get(need.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    body = client.get(need.get_absolute_url()).content.decode()
    assert "Fabienne" in body and "555-0100" not in body
    client.force_login(UserFactory(roles=[roles.ORGANIZER]))
    assert "555-0100" in client.get(need.get_absolute_url()).content.decode()


def test_neighbors_without_the_role_cannot_post_on_behalf(client):
    category, area = CategoryFactory(), AreaFactory()
    client.force_login(UserFactory())
    assert "first name of the neighbor" not in client.get(reverse("needs:create")).content.decode()
    client.post(
        reverse("needs:create"),
        {
            "title": "Snow boots",
            "urgency": "week",
            "category": category.pk,
            "area": area.pk,
            "visibility": "neighbors",
            "on_behalf_of": "Someone",
            "contact_note": "secret",
        },
    )
    need = Need.objects.get()
    assert need.on_behalf_of == "" and need.contact_note == ""


def test_share_as_text_lists_open_needs_with_short_links(client):
    food = CategoryFactory(slug="food")
    need = NeedFactory(title="Groceries this week", category=food, urgency="today")
    NeedFactory(title="A ladder")
    response = client.get(reverse("needs:share"), {"category": "food", "format": "text"})
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert f"• Groceries this week ({need.area}, today) http" in text
    assert f"/needs/{need.pk}/" in text and "ladder" not in text
    page = client.get(reverse("needs:share"), {"category": "food"}).content.decode()
    assert "Groceries this week" in page and "<textarea" in page


def test_open_needs_are_counted_by_category_and_area_for_meetings():
    food, area = CategoryFactory(name="Food", slug="food"), AreaFactory(name="Riverside")
    NeedFactory(category=food, area=area)
    NeedFactory(category=food, area=area)
    NeedFactory(category=food, area=area, status=Need.Status.MET)
    rows = Need.objects.open().counts_by_category_and_area()
    assert rows == [{"category": "Food", "area": "Riverside", "count": 2}]


@pytest.mark.parametrize("rows", [3, 30])
def test_share_and_follow_pages_ask_the_same_few_questions(
    client, rows, django_assert_max_num_queries
):
    make_needs(rows)
    me = UserFactory()
    for _ in range(rows):
        FollowFactory(user=me).categories.add(CategoryFactory())
    with django_assert_max_num_queries(6):
        assert client.get(reverse("needs:share")).status_code == 200
    client.force_login(me)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("needs:follows")).status_code == 200


def test_a_long_list_counts_only_so_far_and_still_pages_on(client, monkeypatch):
    monkeypatch.setattr("mutualaid.paging.COUNT_UP_TO", 30)
    make_needs(45)
    body = client.get(reverse("needs:list")).content.decode()
    assert "30+ open needs" in body
    assert "Page 1" in body and "Page 1 of" not in body
    assert 'rel="next"' in body
    # A page past the counted stretch is counted that far, and the last page is exact.
    body = client.get(reverse("needs:list"), {"page": "3"}).content.decode()
    assert "45 open needs" in body and "Page 3 of 3" in body and 'rel="next"' not in body
    assert "Something needed" in body


def test_a_short_list_says_exactly_how_many(client):
    make_needs(3)
    body = client.get(reverse("needs:list")).content.decode()
    assert "3 open needs" in body and "+ open needs" not in body
