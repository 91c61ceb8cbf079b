"""Small things a neighbor or volunteer reads wrong: each checked on the page it shows on."""

import datetime
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from freestore.models import Shift
from freestore.tests.factories import ItemFactory, StoreFactory, volunteer
from mutualaid.tests.factories import CategoryFactory
from needs.models import Need
from needs.tests.factories import NeedFactory

pytestmark = pytest.mark.django_db
ES = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_a_store_item_says_its_size_once(client):
    ItemFactory(name="Diapers, size 3", size="3", stock=5)
    body = client.get(reverse("freestore:index")).content.decode()
    assert "Diapers" in body
    assert body.count("size 3") == 1


def test_a_shift_without_places_gets_a_plain_message(client):
    store = StoreFactory()
    client.force_login(volunteer())
    starts = timezone.localtime() + datetime.timedelta(days=2)
    data = {
        "store": store.pk,
        "starts_at": starts.strftime("%Y-%m-%dT10:00"),
        "ends_at": starts.strftime("%Y-%m-%dT12:00"),
        "places": "0",
        "note": "",
    }
    body = client.post(reverse("freestore:shift_create"), data, **ES).content.decode()
    assert "Constraint" not in body and "shift_has_a_place" not in body
    assert "Un turno necesita al menos un lugar." in body
    assert not Shift.objects.exists()
    # What was typed stays in the date-and-time fields, as ISO values a browser can read.
    assert f'value="{starts.strftime("%Y-%m-%dT10:00")}"' in body


def test_the_need_form_says_what_happens_without_javascript(client):
    from mutualaid.tests.factories import UserFactory

    client.force_login(UserFactory())
    body = client.get(reverse("needs:create")).content.decode()
    assert (
        '<p class="empty no-js-only">When you post it, offers that fit show on its page.</p>'
        in body
    )


def test_live_suggestions_leave_the_csrf_token_out_of_the_address(client):
    from mutualaid.tests.factories import UserFactory

    client.force_login(UserFactory())
    for url in [reverse("needs:create"), reverse("offers:create")]:
        body = client.get(url).content.decode()
        assert 'hx-params="not csrfmiddlewaretoken"' in body


def test_every_page_names_its_icon_so_browsers_do_not_ask_for_favicon_ico(client):
    body = client.get(reverse("home")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in body


def test_opening_stock_is_not_counted_as_received(client):
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    client.force_login(volunteer())
    body = client.get(reverse("freestore:report")).content.decode()
    chart_rows = body.split("<tbody>")[1:]
    received = sum(
        int(cell)
        for rows in chart_rows
        for cell in re.findall(r"<td>(\d+)</td><td>\d+</td></tr>", rows)
    )
    assert received == 1  # the one real donation, not the shelves' opening count


def test_needs_say_how_long_they_have_waited_and_sort_by_waiting_longest(client):
    food = CategoryFactory(slug="food")
    old = NeedFactory(title="Bus fare to the clinic", category=food)
    Need.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=5))
    NeedFactory(title="Bread for Sunday", category=food)
    body = client.get(reverse("needs:list")).content.decode()
    assert "open for 5 days" in body
    assert body.index("Bread for Sunday") < body.index("Bus fare to the clinic")
    body = client.get(reverse("needs:list"), {"sort": "waiting"}).content.decode()
    assert "Waiting longest" in body
    assert body.index("Bus fare to the clinic") < body.index("Bread for Sunday")
    body = client.get(reverse("needs:list"), **ES).content.decode()
    assert "abierta hace 5 días" in body


@override_settings(SITE_URL="", ALLOWED_HOSTS=["hub.example.org"])
def test_share_as_text_links_use_the_address_asked_when_site_url_is_unset(client):
    need = NeedFactory(title="Groceries this week")
    response = client.get(
        reverse("needs:share"), {"format": "text"}, HTTP_HOST="hub.example.org", secure=True
    )
    assert f"https://hub.example.org/needs/{need.pk}/" in response.content.decode()
