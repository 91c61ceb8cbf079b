"""When PostgreSQL can't be reached, neighbors see a friendly 'try again' page (503), and
the hub serves normally again as soon as the database is back, without a restart.

The outage is simulated by pointing the connection pool at a closed port; the drill that
really stops PostgreSQL under load is bench/outage.py (never run from tests).
"""

import socket
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse

from mutualaid.views import error_500

from .factories import UserFactory

# The connection is closed and reopened, so these can't run inside a test transaction.
real_database = pytest.mark.django_db(transaction=True)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_unreachable():
    db = connection.settings_dict
    saved = {"HOST": db["HOST"], "PORT": db["PORT"], "OPTIONS": db["OPTIONS"]}
    connection.close()
    connection.close_pool()
    db["HOST"], db["PORT"] = "127.0.0.1", closed_port()
    db["OPTIONS"] = {**db["OPTIONS"], "pool": {**db["OPTIONS"]["pool"], "timeout": 1}}
    try:
        yield
    finally:
        connection.close()
        connection.close_pool()
        db.update(saved)


@pytest.fixture
def neighbor_client(settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory())
    return client


@real_database
def test_neighbor_gets_a_friendly_try_again_page_when_the_database_is_down(neighbor_client):
    with database_unreachable():
        response = neighbor_client.get(reverse("profile_edit"))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    body = response.content.decode()
    assert "Please try again in a moment" in body
    assert "Nothing is lost" in body


@real_database
def test_hub_serves_again_once_the_database_is_back(neighbor_client):
    with database_unreachable():
        assert neighbor_client.get(reverse("profile_edit")).status_code == 503
    response = neighbor_client.get(reverse("profile_edit"))
    assert response.status_code == 200
    assert "Your profile" in response.content.decode()


def test_a_lost_connection_outside_a_view_is_a_503_too():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("connection to server at 127.0.0.1 failed")
    except OperationalError:
        response = error_500(request)
    assert response.status_code == 503
    assert "Please try again in a moment" in response.content.decode()


def test_other_errors_stay_an_honest_500():
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = error_500(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
