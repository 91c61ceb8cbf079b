"""Matching across the two sides: realistic pairs, boosts, what never appears, what never leaks."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from mutualaid.ranking import draft_words, rank, search_query
from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.models import Need
from needs.tests.factories import NeedFactory
from offers.models import Offer, Visibility
from offers.suggest import suggest
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clothing():
    return CategoryFactory(slug="clothing-household")


@pytest.fixture
def tools():
    return CategoryFactory(slug="tools-garden")


def titles(suggestions):
    return [suggestion.post.title for suggestion in suggestions]


def test_a_coat_for_a_son_finds_kids_winter_jackets(clothing, tools):
    riverside = AreaFactory(slug="riverside")
    OfferFactory(title="Kids' winter jackets, sizes 6–10", category=clothing, area=riverside)
    OfferFactory(title="Cordless drill to lend", category=tools, area=riverside)
    found = suggest(
        other_side="offer",
        title="need a winter coat for my son, size 8",
        category=clothing.pk,
        area=riverside.pk,
        viewer=UserFactory(),
    )
    assert titles(found) == ["Kids' winter jackets, sizes 6–10"]
    reasons = " ".join(found[0].reasons)
    assert "winter" in reasons and "Same category" in reasons and "Same area" in reasons


def test_plurals_and_stems_match(clothing):
    OfferFactory(title="Warm blankets", category=clothing)
    OfferFactory(title="Babysitting evenings", category=clothing)
    assert titles(rank(Offer.objects.open(), text="a blanket")) == ["Warm blankets"]
    assert titles(rank(Offer.objects.open(), text="babysit")) == ["Babysitting evenings"]


def test_accents_are_ignored(clothing):
    OfferFactory(title="Café con leche mornings", category=clothing)
    assert titles(rank(Offer.objects.open(), text="cafe")) == ["Café con leche mornings"]


def test_a_typo_still_finds_the_post_but_not_lookalikes(clothing):
    OfferFactory(title="Kids winter jackets", category=clothing)
    OfferFactory(title="Ride to the Saturday market", category=clothing)
    found = rank(Offer.objects.open(), text="jaket", viewer=UserFactory())
    assert titles(found) == ["Kids winter jackets"]
    assert "Close in spelling to: jaket" in found[0].reasons


def test_same_category_and_area_rank_higher(clothing, tools):
    home, away = AreaFactory(), AreaFactory()
    OfferFactory(title="Drill for a weekend", category=tools, area=away)
    OfferFactory(title="Drill bits", category=clothing, area=away)
    OfferFactory(title="A drill, batteries charged", category=tools, area=home)
    found = rank(Offer.objects.open(), text="drill", category=tools, area=home)
    assert titles(found)[0] == "A drill, batteries charged"
    assert titles(found)[-1] == "Drill bits"


def test_more_urgent_needs_come_first(clothing):
    area = AreaFactory()
    NeedFactory(title="Soup for a sick neighbor", urgency="whenever", category=clothing, area=area)
    NeedFactory(title="Soup tonight", urgency="today", category=clothing, area=area)
    found = rank(Need.objects.open().for_matching(), text="soup")
    assert titles(found) == ["Soup tonight", "Soup for a sick neighbor"]
    assert "Needed today" in found[0].reasons


def test_fresher_posts_come_first(clothing):
    old = OfferFactory(title="Rice cooker", category=clothing)
    Offer.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=25))
    OfferFactory(title="Rice cooker", category=clothing)
    found = rank(Offer.objects.open(), text="rice cooker")
    assert found[1].post.pk == old.pk


def test_expired_withdrawn_and_taken_posts_never_appear(clothing):
    OfferFactory(title="Stroller open", category=clothing)
    OfferFactory(title="Stroller withdrawn", category=clothing, status=Offer.Status.WITHDRAWN)
    OfferFactory(title="Stroller taken", category=clothing, status=Offer.Status.TAKEN)
    OfferFactory(title="Stroller spoken for", category=clothing, status=Offer.Status.SPOKEN_FOR)
    OfferFactory(
        title="Stroller expired",
        category=clothing,
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert titles(suggest(other_side="offer", title="stroller")) == ["Stroller open"]


def test_own_posts_are_not_suggested_to_their_owner(clothing):
    me = UserFactory()
    OfferFactory(title="Ladder to lend", owner=me, category=clothing)
    OfferFactory(title="Ladder, 3 m", category=clothing)
    assert titles(suggest(other_side="offer", title="ladder", viewer=me)) == ["Ladder, 3 m"]


def test_words_in_private_details_neither_find_nor_are_named_to_anonymous_readers(clothing):
    OfferFactory(
        title="Things from our move",
        details="a saxophone and sheet music",
        visibility=Visibility.NEIGHBORS,
        category=clothing,
    )
    # Found, the post would tell a visitor what its neighbors-only details say.
    assert suggest(other_side="offer", title="saxophone", viewer=AnonymousUser()) == []
    neighbor = suggest(other_side="offer", title="saxophone", viewer=UserFactory())
    assert "Shares the words: saxophone" in neighbor[0].reasons


def test_search_syntax_in_a_draft_cannot_break_the_query(clothing):
    OfferFactory(title="Winter boots", category=clothing)
    for text in ['"winter', "-winter", "winter OR", "!!!(&|", "or and not", "' ; drop table"]:
        rank(Offer.objects.open(), text=text)
    assert search_query("   ") is None
    assert draft_words("Or the boots, OR the BOOTS, NOT -mittens") == ["boots", "mittens"]


def test_a_draft_with_no_words_suggests_by_category_and_area(clothing):
    area = AreaFactory()
    OfferFactory(title="Jackets", category=clothing, area=area)
    found = rank(Offer.objects.open(), text="", category=clothing, area=area)
    assert titles(found) == ["Jackets"]


def test_a_neighbor_nearby_in_the_same_category_is_found_behind_many_fresher_posts(clothing, tools):
    """A word shared by more fresh posts than any word brings must not hide the best fit."""
    home, away = AreaFactory(), AreaFactory()
    nearby = OfferFactory(title="Warm wool socks", category=clothing, area=home)
    Offer.objects.filter(pk=nearby.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=9)
    )
    OfferFactory.create_batch(50, title="Warm soup on Sundays", category=tools, area=away)
    found = rank(Offer.objects.open(), text="warm", category=clothing, area=home)
    assert found[0].post.pk == nearby.pk
    assert found[0].reasons[1:] == [f"Same category: {clothing}", f"Same area: {home}"]


def test_a_typo_is_found_even_when_other_words_fill_the_list(clothing, tools):
    OfferFactory(title="Kids winter jackets", category=clothing)
    OfferFactory.create_batch(8, title="Warm soup on Sundays", category=tools)
    found = rank(Offer.objects.open(), text="warm jaket", category=clothing, viewer=UserFactory())
    assert titles(found)[0] == "Kids winter jackets"
    assert "Close in spelling to: jaket" in found[0].reasons


def test_near_spellings_come_from_titles_a_post_has_had(clothing):
    offer = OfferFactory(title="Ladder for the weekend", category=clothing)
    offer.title = "Stepladder and a wheelbarrow"
    offer.save()
    found = rank(Offer.objects.open(), text="wheelbarow", viewer=UserFactory())
    assert titles(found) == ["Stepladder and a wheelbarrow"]
    assert found[0].reasons == ["Close in spelling to: wheelbarow"]


def test_a_short_word_is_not_taken_for_a_misspelling(clothing):
    OfferFactory(title="Winter gloves", category=clothing)
    assert rank(Offer.objects.open(), text="would love", viewer=UserFactory()) == []


def test_a_word_some_post_uses_is_not_respelled(clothing):
    OfferFactory(title="Kids winter jackets", category=clothing)
    OfferFactory(title="Bike repair", details="Bring your jakets too", category=clothing)
    found = rank(Offer.objects.open(), text="jakets", viewer=UserFactory())
    assert titles(found) == ["Bike repair"]


def test_a_near_spelling_that_starts_with_a_dash_is_not_read_as_not(clothing):
    """'1980-1990' leaves the lexeme '-1990' among title words: it must not mean NOT 1990."""
    OfferFactory(title="Comics from 1980-1990", category=clothing)
    OfferFactory(title="Cordless drill to lend", category=clothing)
    found = rank(Offer.objects.open(), text="1990s", viewer=UserFactory())
    assert "Cordless drill to lend" not in titles(found)


def test_a_post_closed_between_scoring_and_reading_is_left_out(clothing, monkeypatch):
    """Ranking scores first, then reads the best posts: one withdrawn in between stays out."""
    offer = OfferFactory(title="Kids winter jackets", category=clothing)
    queryset_class = type(Offer.objects.all())
    read = queryset_class.in_bulk

    def withdrawn_just_before_reading(self, *args, **kwargs):
        Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.WITHDRAWN)
        return read(self, *args, **kwargs)

    monkeypatch.setattr(queryset_class, "in_bulk", withdrawn_just_before_reading)
    assert rank(Offer.objects.open(), text="winter jackets", viewer=UserFactory()) == []


def test_a_five_letter_typo_whose_stem_is_shorter_is_still_respelled(clothing):
    OfferFactory(title="Baby bottle and steriliser", category=clothing)
    found = rank(Offer.objects.open(), text="botle", viewer=UserFactory())
    assert titles(found) == ["Baby bottle and steriliser"]
    assert found[0].reasons == ["Close in spelling to: botle"]
