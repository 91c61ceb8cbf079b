import pytest
from django.test import Client
from django.utils import translation

from .factories import volunteer


@pytest.fixture(autouse=True)
def _english():
    # A request in Spanish leaves Spanish active in this thread; services speak English here.
    with translation.override("en"):
        yield


@pytest.fixture
def store_volunteer():
    return volunteer()


@pytest.fixture
def volunteer_client(store_volunteer):
    client = Client()
    client.force_login(store_volunteer)
    return client
