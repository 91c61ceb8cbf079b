"""Per-account rate limits: a neighbor who posts too fast gets a friendly pause."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from mutualaid.ratelimit import Rate, rate_limited

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    # These call views directly, without LocaleMiddleware: pin the language.
    with translation.override("en"):
        yield


@rate_limited("post", "3/h")
def post_view(request):
    return HttpResponse("saved")


def request_as(user, method="post", **headers):
    request = getattr(RequestFactory(), method)("/needs/new/", headers=headers)
    request.user = user
    request.htmx = headers.get("HX-Request") == "true"
    return request


def test_rates_read_like_plain_words():
    assert Rate.parse("10/h") == Rate(10, 3600)
    assert Rate.parse("5/15m") == Rate(5, 900)
    with pytest.raises(ValueError):
        Rate.parse("ten an hour")


def test_neighbor_over_the_limit_gets_a_friendly_pause():
    neighbor = UserFactory()
    for _ in range(3):
        assert post_view(request_as(neighbor)).status_code == 200
    response = post_view(request_as(neighbor))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.content.decode()
    assert "Please wait a little" in body
    assert "try again in about" in body


def test_each_neighbor_has_their_own_count():
    first, second = UserFactory(), UserFactory()
    for _ in range(4):
        post_view(request_as(first))
    assert post_view(request_as(second)).status_code == 200


def test_looking_at_the_form_does_not_count():
    neighbor = UserFactory()
    for _ in range(10):
        assert post_view(request_as(neighbor, method="get")).status_code == 200
    assert post_view(request_as(neighbor)).status_code == 200


def test_htmx_gets_a_bare_429_that_the_page_script_turns_into_a_message():
    neighbor = UserFactory()
    for _ in range(3):
        post_view(request_as(neighbor))
    response = post_view(request_as(neighbor, **{"HX-Request": "true"}))
    assert response.status_code == 429
    body = response.content.decode()
    assert "<html" not in body and "try again in about" in body


def test_limits_are_per_action():
    @rate_limited("report", "1/h")
    def report_view(request):
        return HttpResponse("reported")

    neighbor = UserFactory()
    for _ in range(3):
        post_view(request_as(neighbor))
    assert report_view(request_as(neighbor)).status_code == 200
    assert report_view(request_as(neighbor)).status_code == 429


def test_visitors_without_an_account_are_counted_by_address():
    from django.contrib.auth.models import AnonymousUser

    def anonymous(address):
        request = RequestFactory().post("/", REMOTE_ADDR=address)
        request.user = AnonymousUser()
        return request

    for _ in range(3):
        post_view(anonymous("10.0.0.1"))
    assert post_view(anonymous("10.0.0.1")).status_code == 429
    assert post_view(anonymous("10.0.0.2")).status_code == 200


def test_the_slow_down_page_reads_well_when_allauth_shows_it_without_a_wait(rf):
    """allauth renders 429.html for its own limits (too many logins) without our context."""
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    request = rf.get("/accounts/login/")
    request.user = AnonymousUser()
    page = render_to_string("429.html", {}, request=request)
    assert "Please try again in about 1 minute." in page
