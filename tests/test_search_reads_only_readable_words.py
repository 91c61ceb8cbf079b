"""A reader matches only on the words they may read.

Titles are public; neighbors-only details are for signed-in neighbors. A visitor without an
account who searches for a word that is only in a post's neighbors-only details must not
learn that the post says it: not in the lists, their htmx fragments, share-as-text, nor the
suggestions shown beside a post.
"""

import pytest
from django.urls import reverse

from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.tests.factories import NeedFactory
from offers.models import Visibility
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts():
    area, category = AreaFactory(), CategoryFactory()
    return {
        "need": NeedFactory(
            title="Groceries this week",
            details="Short until payday, anything helps.",
            area=area,
            category=category,
        ),
        "public_need": NeedFactory(
            title="Bus fare to work",
            details="Until payday on Friday.",
            visibility=Visibility.EVERYONE,
            area=area,
            category=category,
        ),
        "offer": OfferFactory(
            title="Spare pantry box",
            details="Eviction help too: I went through one last year.",
            area=area,
            category=category,
        ),
    }


def titles_in(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}], ids=["page", "fragment"])
def test_a_visitor_without_an_account_cannot_find_a_need_by_its_neighbors_only_details(
    client, posts, headers
):
    page = titles_in(client.get(reverse("needs:list"), {"q": "payday"}, headers=headers))
    assert "Groceries this week" not in page
    # details shared with everyone are searchable by everyone
    assert "Bus fare to work" in page


def test_a_visitor_without_an_account_cannot_find_an_offer_by_its_neighbors_only_details(
    client, posts
):
    page = titles_in(client.get(reverse("offers:list"), {"q": "eviction"}))
    assert "Spare pantry box" not in page
    assert "Spare pantry box" in titles_in(client.get(reverse("offers:list"), {"q": "pantry"}))


def test_share_as_text_leaves_out_needs_found_only_by_neighbors_only_details(client, posts):
    text = client.get(reverse("needs:share"), {"q": "payday", "format": "text"}).content.decode()
    assert "Groceries this week" not in text
    assert "Bus fare to work" in text


def test_a_signed_in_neighbor_finds_posts_by_their_details(client, posts):
    client.force_login(UserFactory())
    page = titles_in(client.get(reverse("needs:list"), {"q": "payday"}))
    assert "Groceries this week" in page
    assert "Spare pantry box" in titles_in(client.get(reverse("offers:list"), {"q": "eviction"}))


def test_suggestions_beside_a_post_for_a_visitor_fit_only_on_words_they_may_read(client):
    area, category = AreaFactory(), CategoryFactory()
    need = NeedFactory(
        title="Help with a letter about eviction",
        details="",
        visibility=Visibility.EVERYONE,
        area=area,
        category=category,
    )
    OfferFactory(title="Pantry shelf", details="Eviction defence know-how.")
    OfferFactory(title="Eviction defence clinic", details="Tuesdays.")
    page = titles_in(client.get(need.get_absolute_url()))
    assert "Eviction defence clinic" in page
    assert "Pantry shelf" not in page
    client.force_login(UserFactory())
    page = titles_in(client.get(need.get_absolute_url()))
    assert "Pantry shelf" in page


@pytest.mark.parametrize("side", ["need", "offer"])
def test_what_fits_a_post_is_not_chosen_by_its_own_details_a_visitor_may_not_read(client, side):
    """The post's own neighbors-only details don't pick or explain its suggestions for a
    visitor without an account: "Shares the words: eviction" would tell them what it says."""
    area, category = AreaFactory(), CategoryFactory()
    own = {"area": area, "category": category}
    if side == "need":
        post = NeedFactory(title="Help with a letter", details="Landlord eviction notice.", **own)
        OfferFactory(title="Eviction defence clinic", visibility=Visibility.EVERYONE, **own)
    else:
        post = OfferFactory(title="Help with a letter", details="Landlord eviction notice.", **own)
        NeedFactory(title="Eviction defence clinic", visibility=Visibility.EVERYONE, **own)
    page = titles_in(client.get(post.get_absolute_url()))
    assert "Eviction defence clinic" not in page
    assert "landlord" not in page.lower()
    # A signed-in neighbor reads the details, so they may see what fits them.
    client.force_login(UserFactory())
    page = titles_in(client.get(post.get_absolute_url()))
    assert "Eviction defence clinic" in page
