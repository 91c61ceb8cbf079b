"""What many readers see the same comes from the shared cache, and any change shows at once."""

import pytest
from django.urls import reverse

from mutualaid.tests.factories import UserFactory
from needs.models import Need
from needs.tests.factories import NeedFactory
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def settled(request, monkeypatch):
    """A test's changes are committed at once (there is no other reader in between)."""
    if "not_kept" not in request.node.name:
        monkeypatch.setattr("mutualaid.shared_cache.SETTLE_SECONDS", 0)


def test_a_second_reader_of_the_list_costs_no_list_queries(client, django_assert_max_num_queries):
    NeedFactory(title="Soup for a sick neighbor")
    assert "Soup for a sick neighbor" in client.get(reverse("needs:list")).content.decode()
    with django_assert_max_num_queries(0):  # the filter form is shared too
        body = client.get(reverse("needs:list")).content.decode()
    assert "Soup for a sick neighbor" in body and "1 open need" in body


def test_a_new_changed_or_hidden_post_shows_at_once(client):
    need = NeedFactory(title="Soup for a sick neighbor")
    offer = OfferFactory(title="Spare bike pump")
    client.get(reverse("needs:list")), client.get(reverse("offers:list"))
    NeedFactory(title="Help carrying boxes")
    need.title = "Warm soup for a sick neighbor"
    need.save()
    offer.hidden = True
    offer.save(update_fields=["hidden"])
    body = client.get(reverse("needs:list")).content.decode()
    assert "Help carrying boxes" in body and "Warm soup for a sick neighbor" in body
    assert "2 open needs" in body
    assert "Spare bike pump" not in client.get(reverse("offers:list")).content.decode()
    Need.objects.get(pk=need.pk).delete()
    assert "Warm soup" not in client.get(reverse("needs:list")).content.decode()


def test_a_new_display_name_shows_at_once(client):
    need = NeedFactory(title="Soup")
    client.get(reverse("needs:list"))
    need.owner.display_name = "Rosa M."
    need.owner.save()
    assert "Rosa M." in client.get(reverse("needs:list")).content.decode()


def test_signed_in_and_anonymous_readers_each_get_their_own_results(client):
    NeedFactory(title="A ladder", details="Only neighbors read: the blue door one")
    anonymous = client.get(reverse("needs:list"), {"q": "door"}).content.decode()
    client.force_login(UserFactory())
    signed_in = client.get(reverse("needs:list"), {"q": "door"}).content.decode()
    assert "A ladder" not in anonymous and "A ladder" in signed_in
    assert "Follow new posts" in signed_in


def test_each_language_gets_its_own_results(client):
    NeedFactory(title="Soup", urgency="today")
    client.get(reverse("needs:list"))
    body = client.get(reverse("needs:list"), headers={"accept-language": "es"}).content.decode()
    assert "1 necesidad abierta" in body


def test_what_is_read_just_after_a_change_is_served_but_not_kept(client):
    # The change may not be committed yet, so what was read may be what was there before.
    NeedFactory(title="Soup")
    client.get(reverse("needs:list"))
    from django.core.cache import cache

    assert [key for key in cache._cache if "shared:posts:" in key and "version" not in key] == []


def test_home_counts_come_from_the_shared_cache_and_follow_changes(
    client, django_assert_max_num_queries
):
    NeedFactory(title="Soup")
    OfferFactory(title="Spare bike pump")
    client.get(reverse("home"))
    with django_assert_max_num_queries(0):
        body = client.get(reverse("home")).content.decode()
    assert "1 open need" in body and "Soup" in body and "Spare bike pump" in body
    NeedFactory(title="Help carrying boxes")
    body = client.get(reverse("home")).content.decode()
    assert "2 open needs" in body and "Help carrying boxes" in body


def test_a_posts_suggestions_are_ranked_once_per_reader_until_a_post_changes(client):
    from needs.models import Need

    need = NeedFactory(title="Winter coat for my son")
    OfferFactory(title="Kids winter coats", area=need.area, category=need.category)
    first = client.get(need.get_absolute_url()).content.decode()
    assert "Kids winter coats" in first
    from unittest import mock

    from offers.suggest import suggest_for_post

    with mock.patch("offers.suggest.suggest_for_post", wraps=suggest_for_post) as ranked:
        assert "Kids winter coats" in client.get(need.get_absolute_url()).content.decode()
        client.force_login(UserFactory())
        client.get(need.get_absolute_url())
    assert ranked.call_count == 1  # the signed-in reader gets their own ranking
    OfferFactory(title="Warm coat, size 8", area=need.area, category=need.category)
    assert "Warm coat, size 8" in client.get(Need.objects.get().get_absolute_url()).content.decode()


def test_the_shared_filter_form_keeps_each_readers_choices(client):
    from mutualaid.tests.factories import CategoryFactory

    food = CategoryFactory(slug="food", name="Food")
    NeedFactory(title="Soup", category=food)
    client.get(reverse("needs:list"))
    body = client.get(reverse("needs:list"), {"category": "food", "q": "soup"}).content.decode()
    assert 'value="food" selected' in body and 'value="soup"' in body
    body = client.get(reverse("needs:list")).content.decode()
    assert 'value="food" selected' not in body


def test_home_store_and_meetings_sections_follow_their_changes(client):
    from freestore.tests.factories import ItemFactory

    item = ItemFactory(name="Winter boots", quantity=0, target=5)
    assert "Winter boots" in client.get(reverse("home")).content.decode()
    item.target = 0
    item.save()
    assert "Winter boots" not in client.get(reverse("home")).content.decode()
