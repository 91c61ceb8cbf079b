"""The load balancer's health check says whether this app server can serve."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_health_check_says_ok_and_writes_nothing(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.content == b"ok\n"
    assert [query["sql"] for query in captured] == ["SELECT 1"]
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_health_check_says_what_failed(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("mutualaid.health.cache.get", broken)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503 and b"cache" in response.content
