import pytest
from django.test import Client

from .factories import volunteer


@pytest.fixture
def store_volunteer():
    return volunteer()


@pytest.fixture
def volunteer_client(store_volunteer):
    client = Client()
    client.force_login(store_volunteer)
    return client
