"""'Most needed at the free store' as a poster, and a shift's day sheet to print."""

import pytest
from django.urls import reverse

from freestore.tests.factories import ItemFactory, ShiftFactory, StoreFactory
from tests.qr import decode_svg, qr_svgs

pytestmark = pytest.mark.django_db


def test_most_needed_poster_lists_what_runs_low_and_its_code_opens_the_list(client, settings):
    settings.SITE_URL = "https://hub.example.org"
    store = StoreFactory(name="Riverside Free Store", place="Library basement")
    ItemFactory(store=store, name="Diapers", size="3", target=20, stock=2)
    ItemFactory(store=store, name="Winter gloves", target=10)
    ItemFactory(store=store, name="Plenty of mugs", target=2, stock=5)

    response = client.get(reverse("freestore:needed_poster"))

    page = response.content.decode()
    assert "Most needed at the free store" in page
    assert "Diapers" in page
    assert "Winter gloves" in page
    assert "Plenty of mugs" not in page
    assert "Library basement" in page
    assert 'class="site-footer"' not in page
    [svg] = qr_svgs(page)
    assert decode_svg(svg) == "https://hub.example.org/store/needed/"


def test_most_needed_poster_in_spanish(client):
    ItemFactory(name="Diapers", target=20)
    page = client.get(reverse("freestore:needed_poster"), {"lang": "es"}).content.decode()
    assert '<html lang="es">' in page
    assert "Lo que más falta en la tienda gratuita" in page


def test_most_needed_page_links_to_its_poster(client):
    page = client.get(reverse("freestore:needed")).content.decode()
    assert reverse("freestore:needed_poster") in page


@pytest.mark.parametrize("rows", [3, 30])
def test_poster_and_day_sheet_ask_a_few_questions(client, rows, django_assert_max_num_queries):
    store = StoreFactory()
    for index in range(rows):
        ItemFactory(store=store, name=f"Item {index}", target=5, stock=index % 7)
    shift = ShiftFactory(store=store)
    with django_assert_max_num_queries(3):
        assert client.get(reverse("freestore:needed_poster")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("freestore:shift_day_sheet", args=[shift.pk])).status_code == 200


def test_day_sheet_shows_its_stores_stock_and_needs_only(client):
    store = StoreFactory(name="Riverside Free Store")
    ItemFactory(store=store, name="Rice bags", stock=12)
    ItemFactory(store=store, name="Baby wipes", target=8, stock=1)
    ItemFactory(name="Elsewhere kettles", stock=3)
    shift = ShiftFactory(store=store)

    page = client.get(reverse("freestore:shift_day_sheet", args=[shift.pk])).content.decode()

    assert "Day sheet: Riverside Free Store" in page
    assert "Rice bags" in page
    assert "Baby wipes" in page
    assert "Elsewhere kettles" not in page
    assert (
        reverse("freestore:shift_day_sheet", args=[shift.pk])
        in client.get(shift.get_absolute_url()).content.decode()
    )
