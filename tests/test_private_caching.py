"""Pages and downloads for a signed-in neighbor are never kept by a shared cache; public
pages seen without an account stay cacheable as before."""

import datetime

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from freestore.tests.factories import ItemFactory, volunteer
from mutualaid.middleware import PrivateCacheMiddleware
from mutualaid.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


@pytest.mark.parametrize("name", ["home", "needs:list", "my_data", "freestore:index"])
def test_every_signed_in_page_is_private(client, name):
    client.force_login(UserFactory(display_name="Amina"))
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_my_data_download_is_private(client):
    client.force_login(UserFactory(email="amina@example.org"))
    response = client.get(reverse("my_data_download"))
    assert "amina@example.org" in response.content.decode()
    assert response["Cache-Control"] == PRIVATE


def test_the_ledger_export_is_private(client):
    ItemFactory(name="Winter coat", stock=3)
    client.force_login(volunteer())
    today = timezone.localdate()
    response = client.get(
        reverse("freestore:movements_csv"),
        {"start": today - datetime.timedelta(days=7), "end": today},
    )
    assert "Winter coat" in response.content.decode()
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize("name", ["home", "needs:list", "freestore:index", "meetings:list"])
def test_public_pages_seen_without_an_account_stay_cacheable(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "private" not in response.get("Cache-Control", "")


def test_a_view_that_chose_its_own_caching_keeps_it():
    request = RequestFactory().get("/")
    request.user = UserFactory()

    def view(request):
        response = HttpResponse("fresh every minute")
        response["Cache-Control"] = "private, max-age=60"
        return response

    assert PrivateCacheMiddleware(view)(request)["Cache-Control"] == "private, max-age=60"


def test_the_organizers_export_of_open_needs_is_private(client):
    from mutualaid import roles
    from needs.tests.factories import NeedFactory
    from offers.models import Visibility

    NeedFactory(title="Bus fare to work", visibility=Visibility.EVERYONE)
    client.force_login(UserFactory(roles=[roles.ORGANIZER]))
    response = client.get(reverse("needs:export"))
    assert "Bus fare to work" in response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == PRIVATE
